// HMAC-SHA256 signatures of outgoing webhook bodies: `X-Raio-Signature: sha256=<hex>` over the exact
// bytes sent. Receivers recompute it with the shared secret and compare in constant time
// (verifyWebhookSignature is the reference implementation).
import { createHmac, timingSafeEqual } from "node:crypto";

export const SIGNATURE_HEADER = "X-Raio-Signature";
const PREFIX = "sha256=";

export function signWebhook(secret: string, body: string): string {
  return PREFIX + createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

export function verifyWebhookSignature(secret: string, body: string, header: string | null | undefined): boolean {
  if (!header?.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signWebhook(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
