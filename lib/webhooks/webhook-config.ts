// The outgoing webhook's URL and secret, kept in their own Setting row ("webhook") so that the general
// settings (readable by every signed-in person) never carry the secret.
import { randomBytes } from "node:crypto";
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { webhookConfigPatchSchema, webhookConfigSchema, type WebhookConfig } from "../validation/webhook";

export const WEBHOOK_SETTING_KEY = "webhook";

export async function getWebhookConfig(): Promise<WebhookConfig> {
  const row = await db.setting.findUnique({ where: { key: WEBHOOK_SETTING_KEY }, select: { value: true } });
  const parsed = webhookConfigSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : webhookConfigSchema.parse({});
}

/** What may be shown: the URL and whether a secret is set (its first characters only). */
export function describeWebhookConfig(config: WebhookConfig) {
  return { url: config.url, secretSet: config.secret !== null, secretPrefix: config.secret ? config.secret.slice(0, 4) : null };
}

/** Saves a change; returns the public view, plus the new secret once when one was generated. */
export async function saveWebhookConfig(patch: unknown, principal: Principal) {
  const change = webhookConfigPatchSchema.parse(patch);
  const current = await getWebhookConfig();
  const generated = change.generateSecret ? randomBytes(32).toString("hex") : undefined;
  const next = webhookConfigSchema.parse({
    url: change.url === undefined ? current.url : change.url,
    secret: generated ?? change.secret ?? current.secret,
  });
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: WEBHOOK_SETTING_KEY },
      create: { key: WEBHOOK_SETTING_KEY, value: next as Prisma.InputJsonValue },
      update: { value: next as Prisma.InputJsonValue },
    });
    await recordAudit(tx, principal, "webhook.configure", { type: "Setting", id: WEBHOOK_SETTING_KEY }, {
      url: next.url, secretChanged: next.secret !== current.secret,
    });
  });
  return { ...describeWebhookConfig(next), ...(generated ? { secret: generated } : {}) };
}
