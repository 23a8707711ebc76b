// Webhook test support: a receiver on 127.0.0.1 (port 0) scripted per request, and a wait on the delivery log.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { db } from "@/lib/db";

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

export interface Receiver {
  server: Server;
  url: string;
  received: Received[];
  /** Status codes for the next requests, in order (then 200). */
  script: number[];
  close(): Promise<void>;
}

export function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const script: number[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.statusCode = script.shift() ?? 200;
      res.end("ok");
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server, url: `http://127.0.0.1:${port}/raio`, received, script,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Polls the delivery log of `deliveryId` until `done(rows)` holds (retries wait seconds: be generous). */
export async function waitForDeliveryLog(
  deliveryId: string,
  done: (rows: { attempt: number; ok: boolean }[]) => boolean,
  timeoutMs = 20_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.webhookDelivery.findMany({ where: { deliveryId }, orderBy: { attempt: "asc" } });
    if (done(rows)) return rows;
    if (Date.now() > deadline) throw new Error(`entrega ${deliveryId}: ${rows.length} tentativas em ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
