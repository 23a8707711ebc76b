// The notification channels' configuration (Configurações → Notificações), shared by the API and the form.
// Stored in the Setting row "notification-channels"; credentials (Opa! Suite token, SMTP password, the SMS
// gateway's headers) only encrypted (lib/secrets) and never answered back: the view says whether they are set.
import { z } from "zod";

/** Attempts in all before a notice is dead-lettered (first + retries of transient errors). */
export const DEFAULT_MAX_ATTEMPTS = 5;
/** Default messages per second per channel (Opa! Suite and SMS gateways throttle bursts). 0 = no limit. */
export const DEFAULT_RATE_PER_SECOND = 10;
const MAX_RATE_PER_SECOND = 10_000;

const httpUrl = z.url({ protocol: /^https?$/, error: "URL inválida: use https://…" }).max(2_000);
const rate = z.number().min(0, "no mínimo 0 (sem limite)").max(MAX_RATE_PER_SECOND, `no máximo ${MAX_RATE_PER_SECOND} por segundo`);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "horário no formato HH:MM (00:00 a 23:59)");

export const whatsappConfigSchema = z.object({
  enabled: z.boolean().default(false),
  /** e.g. https://provedor.opasuite.com.br/api/v1 */
  baseUrl: httpUrl.nullable().default(null),
  /** The Opa! Suite channel (canal) id the templates are sent from. */
  channelId: z.string().nullable().default(null),
  tokenEncrypted: z.string().nullable().default(null),
  ratePerSecond: rate.default(DEFAULT_RATE_PER_SECOND),
});
export const emailConfigSchema = z.object({
  enabled: z.boolean().default(false),
  host: z.string().nullable().default(null),
  port: z.number().int().min(1).max(65_535).default(587),
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  user: z.string().nullable().default(null),
  passwordEncrypted: z.string().nullable().default(null),
  from: z.string().nullable().default(null),
  ratePerSecond: rate.default(DEFAULT_RATE_PER_SECOND),
});
export const SMS_BODY_ENCODINGS = ["json", "form", "text"] as const;
export const smsConfigSchema = z.object({
  enabled: z.boolean().default(false),
  /** May hold {{telefone}} and {{mensagem}} (URL-encoded), for gateways that take a GET. */
  url: z.string().nullable().default(null),
  method: z.enum(["POST", "GET"]).default("POST"),
  /** The headers as encrypted JSON (gateways carry their API key in a header); their names are shown. */
  headersEncrypted: z.string().nullable().default(null),
  headerNames: z.array(z.string()).default([]),
  /** {{telefone}} (E.164), {{telefoneSemMais}} and {{mensagem}}, escaped per bodyEncoding. */
  bodyTemplate: z.string().default('{"to":"{{telefone}}","message":"{{mensagem}}"}'),
  bodyEncoding: z.enum(SMS_BODY_ENCODINGS).default("json"),
  ratePerSecond: rate.default(DEFAULT_RATE_PER_SECOND),
});
export const webhookChannelConfigSchema = z.object({
  enabled: z.boolean().default(false),
  ratePerSecond: rate.default(0),
});

export const notificationChannelsSchema = z.object({
  whatsapp: whatsappConfigSchema.default(whatsappConfigSchema.parse({})),
  email: emailConfigSchema.default(emailConfigSchema.parse({})),
  sms: smsConfigSchema.default(smsConfigSchema.parse({})),
  webhook: webhookChannelConfigSchema.default(webhookChannelConfigSchema.parse({})),
  /** Messages due inside the window wait for its end (held, not dropped). Times in São Paulo. */
  quietHours: z
    .object({ enabled: z.boolean().default(false), start: clock.default("21:00"), end: clock.default("08:00") })
    .default({ enabled: false, start: "21:00", end: "08:00" }),
  maxAttempts: z.number().int().min(1).max(20).default(DEFAULT_MAX_ATTEMPTS),
});
export type NotificationChannelsConfig = z.infer<typeof notificationChannelsSchema>;

const header = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9-]+$/, "nome de cabeçalho inválido");

/** A change from the form or the API: omitted fields are kept; token, password and headers are write-only (null removes). */
export const notificationChannelsPatchSchema = z
  .object({
    whatsapp: z
      .object({
        enabled: z.boolean(),
        baseUrl: httpUrl.nullable(),
        channelId: z.string().trim().min(1, "informe o id do canal").max(200).nullable(),
        token: z.string().trim().min(8, "token curto demais").max(4_000).nullable(),
        ratePerSecond: rate,
      })
      .partial()
      .strict(),
    email: z
      .object({
        enabled: z.boolean(),
        host: z.string().trim().min(1, "informe o servidor SMTP").max(255).nullable(),
        port: z.number().int().min(1, "porta de 1 a 65535").max(65_535, "porta de 1 a 65535"),
        secure: z.boolean(),
        user: z.string().trim().max(255).nullable(),
        password: z.string().max(1_000).nullable(),
        from: z.string().trim().max(255).nullable(),
        ratePerSecond: rate,
      })
      .partial()
      .strict(),
    sms: z
      .object({
        enabled: z.boolean(),
        url: z.string().trim().max(2_000).refine((u) => /^https?:\/\//.test(u), "URL inválida: use https://…").nullable(),
        method: z.enum(["POST", "GET"]),
        headers: z.record(header, z.string().max(4_000)).nullable(),
        bodyTemplate: z.string().max(4_000),
        bodyEncoding: z.enum(SMS_BODY_ENCODINGS),
        ratePerSecond: rate,
      })
      .partial()
      .strict(),
    webhook: z.object({ enabled: z.boolean(), ratePerSecond: rate }).partial().strict(),
    quietHours: z.object({ enabled: z.boolean(), start: clock, end: clock }).partial().strict(),
    maxAttempts: z.number().int().min(1, "no mínimo 1 tentativa").max(20, "no máximo 20 tentativas"),
  })
  .partial()
  .strict();
export type NotificationChannelsPatch = z.infer<typeof notificationChannelsPatchSchema>;
