// The notification channels' configuration (Setting "notification-channels"): read, shown without secrets,
// saved (new secrets encrypted with RAIO_SECRET_KEY: 503 without it) and opened for sending.
import { db, type NotificationChannel, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { openSecret as openSealed, sealSecret } from "../secrets/seal-secret";
import { getWebhookConfig } from "../webhooks/webhook-config";
import {
  notificationChannelsPatchSchema,
  notificationChannelsSchema,
  type NotificationChannelsConfig,
} from "../validation/notification-channels";
import type { ChannelAdapter } from "./channels/channel";
import { opaWhatsappAdapter } from "./channels/opa-whatsapp";
import { smsGatewayAdapter } from "./channels/sms-gateway";
import { smtpEmailAdapter } from "./channels/smtp-email";
import { webhookNoticeAdapter } from "./channels/webhook-notice";

export const CHANNELS_SETTING_KEY = "notification-channels";
const KEY_PURPOSE = "os canais de aviso (token do Opa! Suite, senha SMTP e cabeçalhos do gateway de SMS são guardados cifrados)";

export async function getChannelsConfig(): Promise<NotificationChannelsConfig> {
  const row = await db.setting.findUnique({ where: { key: CHANNELS_SETTING_KEY }, select: { value: true } });
  const parsed = notificationChannelsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : notificationChannelsSchema.parse({});
}

/** What the API and the form show: every field but the secrets, which are only said to be set or not. */
export function describeChannelsConfig(c: NotificationChannelsConfig) {
  const { tokenEncrypted, ...whatsapp } = c.whatsapp;
  const { passwordEncrypted, ...email } = c.email;
  const { headersEncrypted, ...sms } = c.sms;
  return {
    whatsapp: { ...whatsapp, tokenSet: tokenEncrypted !== null },
    email: { ...email, passwordSet: passwordEncrypted !== null },
    sms: { ...sms, headersSet: headersEncrypted !== null },
    webhook: c.webhook,
    quietHours: c.quietHours,
    maxAttempts: c.maxAttempts,
  };
}
export type ChannelsConfigView = ReturnType<typeof describeChannelsConfig>;

const openSecret = (stored: string): string => openSealed(stored, KEY_PURPOSE);

export async function saveChannelsConfig(patch: unknown, principal: Principal): Promise<ChannelsConfigView> {
  const change = notificationChannelsPatchSchema.parse(patch);
  const current = await getChannelsConfig();
  const seal = (value: string | null | undefined, kept: string | null) =>
    value === undefined ? kept : value === null || value === "" ? null : sealSecret(value, KEY_PURPOSE);
  const { token, ...whatsapp } = change.whatsapp ?? {};
  const { password, ...email } = change.email ?? {};
  const { headers, ...sms } = change.sms ?? {};
  const next = notificationChannelsSchema.parse({
    ...current,
    whatsapp: { ...current.whatsapp, ...whatsapp, tokenEncrypted: seal(token, current.whatsapp.tokenEncrypted) },
    email: { ...current.email, ...email, passwordEncrypted: seal(password, current.email.passwordEncrypted) },
    sms: {
      ...current.sms,
      ...sms,
      headersEncrypted: headers === undefined ? current.sms.headersEncrypted : seal(headers && JSON.stringify(headers), null),
      headerNames: headers === undefined ? current.sms.headerNames : Object.keys(headers ?? {}),
    },
    webhook: { ...current.webhook, ...change.webhook },
    quietHours: { ...current.quietHours, ...change.quietHours },
    maxAttempts: change.maxAttempts ?? current.maxAttempts,
  });
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: CHANNELS_SETTING_KEY },
      create: { key: CHANNELS_SETTING_KEY, value: next as Prisma.InputJsonValue },
      update: { value: next as Prisma.InputJsonValue },
    });
    // The audit names what changed, never a secret.
    await recordAudit(tx, principal, "notifications.configure", { type: "Setting", id: CHANNELS_SETTING_KEY }, {
      sections: Object.keys(change),
      secretsChanged: [token !== undefined && "whatsapp.token", password !== undefined && "email.password", headers !== undefined && "sms.headers"].filter(Boolean),
    } as Prisma.InputJsonValue);
  });
  return describeChannelsConfig(next);
}

/** A channel ready to send: its adapter bound to its decrypted configuration. */
export type ReadyChannel =
  | { ready: true; send: (notice: Parameters<ChannelAdapter<unknown>["send"]>[1]) => ReturnType<ChannelAdapter<unknown>["send"]> }
  | { ready: false; disabled: boolean; reason: string };

const bind = <C>(adapter: ChannelAdapter<C>, config: C): ReadyChannel => ({ ready: true, send: (notice) => adapter.send(config, notice) });

/** Opens one channel for sending (secrets decrypted). A key that cannot open a secret answers 503. */
export async function openChannel(channel: NotificationChannel, c?: NotificationChannelsConfig): Promise<ReadyChannel> {
  const config = c ?? (await getChannelsConfig());
  const off = (name: string): ReadyChannel => ({ ready: false, disabled: true, reason: `canal ${name} desativado em Configurações → Notificações` });
  const missing = (what: string): ReadyChannel => ({ ready: false, disabled: false, reason: `canal não configurado: falta ${what}` });
  switch (channel) {
    case "WHATSAPP": {
      const w = config.whatsapp;
      if (!w.enabled) return off("WhatsApp");
      if (!w.baseUrl || !w.channelId || !w.tokenEncrypted) return missing("URL, canal ou token do Opa! Suite");
      return bind(opaWhatsappAdapter, { baseUrl: w.baseUrl, channelId: w.channelId, token: openSecret(w.tokenEncrypted) });
    }
    case "EMAIL": {
      const e = config.email;
      if (!e.enabled) return off("E-mail");
      if (!e.host || !e.from) return missing("servidor SMTP ou remetente");
      return bind(smtpEmailAdapter, {
        host: e.host, port: e.port, secure: e.secure, user: e.user, from: e.from,
        password: e.passwordEncrypted ? openSecret(e.passwordEncrypted) : null,
      });
    }
    case "SMS": {
      const s = config.sms;
      if (!s.enabled) return off("SMS");
      if (!s.url) return missing("URL do gateway de SMS");
      const headers = s.headersEncrypted ? (JSON.parse(openSecret(s.headersEncrypted)) as Record<string, string>) : {};
      return bind(smsGatewayAdapter, { url: s.url, method: s.method, headers, bodyTemplate: s.bodyTemplate, bodyEncoding: s.bodyEncoding });
    }
    case "WEBHOOK": {
      if (!config.webhook.enabled) return off("Webhook");
      const hook = await getWebhookConfig();
      if (!hook.url || !hook.secret) return missing("URL e segredo do webhook");
      return bind(webhookNoticeAdapter, { url: hook.url, secret: hook.secret });
    }
  }
}
