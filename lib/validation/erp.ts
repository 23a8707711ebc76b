// The ERP connection's configuration (Settings → Integrações), shared by the API and the form.
import { z } from "zod";

/** Default incremental sync interval: IXC's own integrations poll every 5 minutes. */
export const DEFAULT_INCREMENTAL_MINUTES = 5;
/** Default refresh of logins' online state: fast enough for outage detection, one cheap listing per minute. */
export const DEFAULT_ONLINE_SECONDS = 60;
/** The online refresh's shortest period (an ERP answering 100,000 logins needs seconds per pass) and longest. */
export const MIN_ONLINE_SECONDS = 10;
export const MAX_ONLINE_SECONDS = 3_600;

const baseUrl = z
  .url({ protocol: /^https?$/, error: "URL inválida: use https://seu-ixc.com.br (ou http:// numa rede interna)" })
  .max(2_000);

/** What is stored (Setting "erp"): the token only encrypted (lib/secrets). */
export const erpConnectionSchema = z.object({
  kind: z.literal("ixc").default("ixc"),
  baseUrl: baseUrl.nullable().default(null),
  userId: z.string().nullable().default(null),
  tokenEncrypted: z.string().nullable().default(null),
  tokenSetAt: z.string().nullable().default(null),
  /** Accept a self-signed certificate from this ERP (never the default). */
  allowSelfSigned: z.boolean().default(false),
  /** Scheduled syncs on (the CLI and "Sincronizar agora" work either way). */
  enabled: z.boolean().default(false),
  incrementalEveryMinutes: z.number().int().min(1).max(59).default(DEFAULT_INCREMENTAL_MINUTES),
  onlineEverySeconds: z.number().int().min(MIN_ONLINE_SECONDS).max(MAX_ONLINE_SECONDS).default(DEFAULT_ONLINE_SECONDS),
});

/** A change from the form or the API: omitted fields are kept; `token` is write-only (null removes it). */
export const erpConnectionPatchSchema = z
  .object({
    baseUrl: baseUrl.nullable(),
    userId: z.string().trim().regex(/^\d{1,10}$/, "o id do usuário do webservice é um número").nullable(),
    token: z.string().trim().min(8, "token curto demais").max(512).nullable(),
    allowSelfSigned: z.boolean(),
    enabled: z.boolean(),
    // The incremental sync runs on a minute clock (cron): 1–59 minutes; the online refresh on its own clock in seconds.
    incrementalEveryMinutes: z.number().int("minutos inteiros").min(1, "no mínimo 1 minuto").max(59, "no máximo 59 minutos"),
    onlineEverySeconds: z
      .number()
      .int("segundos inteiros")
      .min(MIN_ONLINE_SECONDS, `no mínimo ${MIN_ONLINE_SECONDS} segundos`)
      .max(MAX_ONLINE_SECONDS, "no máximo 3.600 segundos"),
  })
  .partial()
  .strict();

export type ErpConnection = z.infer<typeof erpConnectionSchema>;
export type ErpConnectionPatch = z.infer<typeof erpConnectionPatchSchema>;

/** What the API and the UI show: never the token, only when it was set. */
export const erpConnectionViewSchema = z.object({
  kind: z.literal("ixc"),
  baseUrl: z.string().nullable(),
  userId: z.string().nullable(),
  tokenSet: z.boolean(),
  tokenSetAt: z.string().nullable(),
  allowSelfSigned: z.boolean(),
  enabled: z.boolean(),
  incrementalEveryMinutes: z.number(),
  onlineEverySeconds: z.number(),
});
export type ErpConnectionView = z.infer<typeof erpConnectionViewSchema>;

/** POST /api/v1/integrations/erp/sync: "Sincronizar agora" (incremental unless full; the first one is full). */
export const erpSyncRequestSchema = z.object({ full: z.boolean({ error: "full deve ser true ou false" }).default(false) }).strict();
