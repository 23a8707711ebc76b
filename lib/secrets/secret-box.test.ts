import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, getSecretKeyOrThrow, parseSecretKey, SecretKeyError } from "./secret-box";

const KEY = randomBytes(32);

describe("secret box", () => {
  it("round-trips a token and never stores it in clear", () => {
    const stored = encryptSecret("token-do-ixc-123", KEY);
    expect(stored).toMatch(/^v1:/);
    expect(stored).not.toContain("token-do-ixc");
    expect(decryptSecret(stored, KEY)).toBe("token-do-ixc-123");
  });

  it("uses a fresh IV: the same token encrypts differently each time", () => {
    expect(encryptSecret("x", KEY)).not.toBe(encryptSecret("x", KEY));
  });

  it.each([
    { label: "another key", mutate: (s: string) => s, key: randomBytes(32) },
    { label: "an altered ciphertext", mutate: (s: string) => s.slice(0, -2) + (s.endsWith("A=") ? "B=" : "A="), key: KEY },
  ])("refuses $label instead of returning garbage", ({ mutate, key }) => {
    const stored = mutate(encryptSecret("segredo", KEY));
    expect(() => decryptSecret(stored, key)).toThrow(/não abre o segredo/);
  });

  it.each([
    { label: "64 hex characters", raw: KEY.toString("hex") },
    { label: "standard base64", raw: KEY.toString("base64") },
    { label: "URL-safe base64 without padding", raw: KEY.toString("base64url") },
  ])("accepts a key as $label", ({ raw }) => {
    expect(parseSecretKey(raw).equals(KEY)).toBe(true);
  });

  it.each([
    { label: "a short key", raw: "abc" },
    { label: "16 bytes of hex", raw: randomBytes(16).toString("hex") },
    { label: "a passphrase", raw: "minha senha secreta de trinta e dois caracteres!" },
  ])("refuses $label with the expected format", ({ raw }) => {
    expect(() => parseSecretKey(raw)).toThrow(/RAIO_SECRET_KEY inválida: .*32 bytes/);
  });

  it("says why the key is needed when it is missing", () => {
    expect(() => getSecretKeyOrThrow("a integração com o ERP", {})).toThrow(SecretKeyError);
    expect(() => getSecretKeyOrThrow("a integração com o ERP", {})).toThrow(/RAIO_SECRET_KEY ausente: a integração com o ERP precisa dela/);
  });
});
