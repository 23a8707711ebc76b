// The outgoing webhook's configuration (URL and signing secret), shared by the API and the settings form.
import { z } from "zod";
import { idSchema } from "./id";

/** Shortest secret accepted: 128 bits of hex, so the HMAC key cannot be guessed. */
export const MIN_SECRET_CHARS = 32;

const webhookUrl = z.url({ protocol: /^https?$/, error: "URL inválida: use http:// ou https://" }).max(2_000).nullable();

export const webhookConfigSchema = z.object({
  url: webhookUrl.default(null),
  secret: z.string().min(MIN_SECRET_CHARS, `segredo com menos de ${MIN_SECRET_CHARS} caracteres`).max(256).nullable().default(null),
});

/** A change: url (null = turn off); secret kept when omitted; generateSecret makes a new one (shown once). */
export const webhookConfigPatchSchema = z.object({
  // No default here: an omitted url keeps the saved one (a default would erase it).
  url: webhookUrl.optional(),
  secret: z.string().min(MIN_SECRET_CHARS, `segredo com menos de ${MIN_SECRET_CHARS} caracteres`).max(256).optional(),
  generateSecret: z.boolean().optional(),
});

export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

/** Webhook delivery log rows per answer: default and cap. */
const DEFAULT_DELIVERIES_LIMIT = 50;
const MAX_DELIVERIES_LIMIT = 500;

/** GET /api/v1/webhooks/deliveries: every attempt, newest first, optionally for one order. */
export const deliveriesQuerySchema = z.object({
  orderId: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_DELIVERIES_LIMIT, `no máximo ${MAX_DELIVERIES_LIMIT}`).default(DEFAULT_DELIVERIES_LIMIT),
});
