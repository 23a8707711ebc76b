// Fake notification providers on loopback (port 0), recording every request: an HTTP server that speaks for
// Opa! Suite or an SMS gateway, and a real SMTP server (smtp-server) that keeps the e-mails it receives.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface FakeHttp {
  url: string;
  requests: RecordedRequest[];
  /** The next answers, in order (then 200 {"ok":true}). */
  answers: { status: number; body?: string }[];
  /** Milliseconds each answer waits. */
  delayMs: number;
  close(): Promise<void>;
}

export async function startFakeHttp(): Promise<FakeHttp> {
  const fake: Omit<FakeHttp, "url" | "close"> = { requests: [], answers: [], delayMs: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      fake.requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const answer = fake.answers.shift() ?? { status: 200, body: '{"ok":true}' };
      const reply = () => {
        res.writeHead(answer.status, { "content-type": "application/json" });
        res.end(answer.body ?? "");
      };
      if (fake.delayMs > 0) setTimeout(reply, fake.delayMs);
      else reply();
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  });
}

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface FakeSmtp {
  port: number;
  mails: ReceivedMail[];
  /** Recipients refused with 550 (permanent). */
  refuse: Set<string>;
  /** Recipients answered 451 (transient) once each. */
  deferOnce: Set<string>;
  close(): Promise<void>;
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const mails: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const deferOnce = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "raio" && auth.password === "senha-smtp") return callback(null, { user: auth.username });
      return callback(Object.assign(new Error("Invalid credentials"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
      if (deferOnce.delete(address.address)) return callback(Object.assign(new Error("Try again later"), { responseCode: 451 }));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, refuse, deferOnce, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A received e-mail's raw text with quoted-printable and RFC 2047 encoded words undone (enough to read it in tests). */
export function readableMail(raw: string): string {
  const hex = (m: string) => Buffer.from(m.replace(/=/g, ""), "hex").toString("utf8");
  const words = raw.replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : text.replace(/_/g, " ").replace(/(?:=[0-9A-F]{2})+/g, hex),
  );
  return words.replace(/=\r?\n/g, "").replace(/(?:=[0-9A-F]{2})+/g, hex);
}
