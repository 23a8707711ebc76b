// Secrets at rest (the ERP's webservice token): AES-256-GCM with the key in RAIO_SECRET_KEY.
//
// Key format: 32 random bytes, written as 64 hexadecimal characters or as base64 (44 characters with the
// padding, standard or URL alphabet). Make one with `openssl rand -base64 32` or `openssl rand -hex 32`.
// Stored form: "v1:<iv>:<tag>:<ciphertext>", each part base64; a fresh 12-byte IV per encryption, the 16-byte
// GCM tag authenticates the ciphertext, so a wrong key or an altered value is refused, never decrypted to garbage.
// The key never reaches the database; losing it means typing the token again.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export const SECRET_KEY_ENV = "RAIO_SECRET_KEY";
const VERSION = "v1";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const KEY_HELP = `${SECRET_KEY_ENV} deve ter 32 bytes: 64 caracteres hexadecimais ou base64 (gere com \`openssl rand -base64 32\`)`;

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretKeyError";
  }
}

/** Parses a key; throws a SecretKeyError naming the expected format. */
export function parseSecretKey(raw: string): Buffer {
  const text = raw.trim();
  let key: Buffer | null = null;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, "hex");
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (!key || key.length !== KEY_BYTES) throw new SecretKeyError(`${SECRET_KEY_ENV} inválida: ${KEY_HELP}.`);
  return key;
}

/** The key from the environment, or null when unset. Throws when set but malformed. */
export function readSecretKey(env: Record<string, string | undefined> = process.env): Buffer | null {
  const raw = env[SECRET_KEY_ENV];
  return raw ? parseSecretKey(raw) : null;
}

/** The key, or a SecretKeyError saying what `purpose` needs it for. */
export function getSecretKeyOrThrow(purpose: string, env: Record<string, string | undefined> = process.env): Buffer {
  const key = readSecretKey(env);
  if (!key) throw new SecretKeyError(`${SECRET_KEY_ENV} ausente: ${purpose} precisa dela. ${KEY_HELP}.`);
  return key;
}

export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export function decryptSecret(stored: string, key: Buffer): string {
  const [version, iv, tag, data] = stored.split(":");
  if (version !== VERSION || !iv || !tag || data === undefined) throw new SecretKeyError("Segredo guardado em formato desconhecido.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretKeyError(`${SECRET_KEY_ENV} não abre o segredo guardado (a chave mudou?): salve o token de novo.`);
  }
}
