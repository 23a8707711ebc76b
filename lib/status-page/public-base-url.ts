// The public origin for links the status page sends out (confirmation and unsubscribe links, the feed's ids):
// RAIO_PUBLIC_URL when set (do set it in production: behind a proxy the request's Host may not be the public
// name, and a link in an e-mail must not follow a forged Host), else the origin the request came to.
import { getEnv } from "../env";

const holder = globalThis as unknown as { __raioStatusBaseUrl?: string };

export function publicBaseUrl(req: Request): string {
  const configured = getEnv().RAIO_PUBLIC_URL;
  if (configured) return configured;
  const seen = originOf(req);
  // Remembered for the notices sent outside a request (lib/status-page/notify-status-subscribers.ts).
  holder.__raioStatusBaseUrl = seen;
  return seen;
}

/** The public origin for messages sent outside a request: RAIO_PUBLIC_URL, else the last one a visit came to. */
export function knownBaseUrl(): string | null {
  return getEnv().RAIO_PUBLIC_URL || holder.__raioStatusBaseUrl || null;
}

function originOf(req: Request): string {
  const url = new URL(req.url);
  const sent = req.headers.get("host");
  // Only a plain host[:port] goes into a link (a Host header is the client's text).
  const host = sent && /^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(sent) ? sent : url.host;
  return `${url.protocol}//${host}`;
}
