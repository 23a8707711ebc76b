// E-mail over SMTP (nodemailer). One transport per configuration, reused across messages (pooled
// connections). SMTP's reply codes decide: 5xx (mailbox unknown, relaying refused, authentication failed)
// is permanent; 4xx (greylisting, mailbox busy) and connection errors are transient.
import nodemailer, { type Transporter } from "nodemailer";
import { MAX_ANSWER_CHARS, type ChannelAdapter, type SendOutcome } from "./channel";

export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
  /** Accept a self-signed certificate (tests, internal relays); off by default. */
  allowSelfSigned?: boolean;
}

/** SMTP connection and greeting timeouts: a server slower than this is treated as down (transient). */
const SMTP_TIMEOUT_MS = 10_000;
/** Transports kept (one per distinct configuration). */
const MAX_TRANSPORTS = 4;

const transports = new Map<string, Transporter>();

function transportFor(config: SmtpConfig): Transporter {
  const key = JSON.stringify(config);
  let t = transports.get(key);
  if (!t) {
    if (transports.size >= MAX_TRANSPORTS) {
      const [oldestKey, oldest] = transports.entries().next().value!;
      oldest.close();
      transports.delete(oldestKey);
    }
    t = nodemailer.createTransport({
      host: config.host,
      port: config.port,
      secure: config.secure,
      auth: config.user ? { user: config.user, pass: config.password ?? "" } : undefined,
      pool: true,
      connectionTimeout: SMTP_TIMEOUT_MS,
      greetingTimeout: SMTP_TIMEOUT_MS,
      socketTimeout: SMTP_TIMEOUT_MS,
      tls: config.allowSelfSigned ? { rejectUnauthorized: false } : undefined,
    });
    transports.set(key, t);
  }
  return t;
}

/** Closes the pooled connections (tests, shutdown). */
export function closeSmtpTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}

export const smtpEmailAdapter: ChannelAdapter<SmtpConfig> = {
  channel: "EMAIL",
  async send(config, notice): Promise<SendOutcome> {
    try {
      const info = await transportFor(config).sendMail({
        from: config.from,
        to: notice.to,
        subject: notice.subject,
        text: notice.text,
        messageId: `<${notice.id}@raio>`,
        headers: { "X-Raio-Notification": notice.id },
      });
      return { ok: true, answer: String(info.response ?? "aceito").slice(0, MAX_ANSWER_CHARS) };
    } catch (err) {
      const e = err as { responseCode?: number; response?: string; code?: string; message?: string };
      const answer = String(e.response ?? e.message ?? e.code ?? err).slice(0, MAX_ANSWER_CHARS);
      if (typeof e.responseCode === "number") return { ok: false, permanent: e.responseCode >= 500, answer };
      // EAUTH without a code, an address nodemailer refuses before sending (EENVELOPE): permanent.
      return { ok: false, permanent: e.code === "EAUTH" || e.code === "EENVELOPE", answer };
    }
  },
};
