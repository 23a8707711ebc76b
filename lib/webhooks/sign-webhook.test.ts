import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "./sign-webhook";

const SECRET = "0123456789abcdef0123456789abcdef";

describe("webhook signatures", () => {
  it("matches a known HMAC-SHA256 value", () => {
    // echo -n '{"a":1}' | openssl dgst -sha256 -hmac 0123456789abcdef0123456789abcdef
    expect(signWebhook(SECRET, '{"a":1}')).toBe("sha256=f0546246da9e2349100c845a8561214788d75d900f3c086a72fcfa03bb1f42ab");
  });

  it.each([
    { label: "the signature itself", header: (b: string) => signWebhook(SECRET, b), ok: true },
    { label: "another body's signature", header: () => signWebhook(SECRET, "{}"), ok: false },
    { label: "another secret's signature", header: (b: string) => signWebhook(`${SECRET}x`, b), ok: false },
    { label: "no prefix", header: (b: string) => signWebhook(SECRET, b).slice(7), ok: false },
    { label: "a missing header", header: () => null, ok: false },
  ])("verifies $label as $ok", ({ header, ok }) => {
    const body = '{"event":"order.started"}';
    expect(verifyWebhookSignature(SECRET, body, header(body))).toBe(ok);
  });
});
