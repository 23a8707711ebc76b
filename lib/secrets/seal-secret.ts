// Secrets a request stores or uses (the ERP token, channel credentials): sealed with RAIO_SECRET_KEY. Without
// a usable key — missing, malformed, or not the one that sealed the value — the answer is a 503 naming the
// setting and what it protects, never a 500 and never the secret.
import { unavailable } from "../errors";
import { decryptSecret, encryptSecret, getSecretKeyOrThrow, SecretKeyError } from "./secret-box";

function asUnavailable<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof SecretKeyError) throw unavailable(err.message);
    throw err;
  }
}

/** `purpose` names what the key protects, in the message when the key is unusable. */
export function sealSecret(plain: string, purpose: string): string {
  return asUnavailable(() => encryptSecret(plain, getSecretKeyOrThrow(purpose)));
}

export function openSecret(stored: string, purpose: string): string {
  return asUnavailable(() => decryptSecret(stored, getSecretKeyOrThrow(purpose)));
}
