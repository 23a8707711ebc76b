// The order routes fire the outgoing webhook after their transition commits: Executar → "order.started",
// Finalizar and Cancelar → "order.ended", delivered signed to a real receiver on 127.0.0.1.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PUT as putConfig } from "@/app/api/v1/webhooks/route";
import { POST as execute } from "@/app/api/v1/service-orders/[id]/execute/route";
import { POST as finalize } from "@/app/api/v1/service-orders/[id]/finalize/route";
import { POST as cancel } from "@/app/api/v1/service-orders/[id]/cancel/route";
import { db } from "@/lib/db";
import { startQueueWorkers, stopQueue, type QueueWorker } from "@/lib/queue/queue";
import { webhookWorker } from "@/lib/webhooks/deliver-webhook";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

/** How long a queued delivery may take to arrive (the first attempt waits for the next poll). */
const ARRIVAL_TIMEOUT_MS = 10_000;
const POLL_MS = 25;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let server: Server;
let received: Received[];
let admin: string;
let secret: string;

function startReceiver(): Promise<string> {
  received = [];
  server = createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.end("ok");
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`));
  });
}

/** Polls until the receiver got `event` for `orderId` and its attempt was logged (so nothing is left in flight). */
async function waitForDelivery(orderId: number, event: string): Promise<Received> {
  const deadline = Date.now() + ARRIVAL_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const hit = received.find((r) => r.headers["x-raio-event"] === event && JSON.parse(r.body).order?.id === orderId);
    const logged = await db.webhookDelivery.count({ where: { orderId, event, ok: true } });
    if (hit && logged > 0) return hit;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`nenhuma entrega ${event} da OS ${orderId} em ${ARRIVAL_TIMEOUT_MS} ms (recebidas: ${received.length})`);
}

function act(handler: typeof execute, id: number) {
  return call(handler, `/api/v1/service-orders/${id}/x`, { method: "POST", cookie: admin, params: { id: String(id) } });
}

beforeAll(async () => {
  // The app server works the queue (instrumentation.ts); here the test process does.
  await startQueueWorkers([webhookWorker] as unknown as QueueWorker<never>[], { pollingIntervalSeconds: 0.5 });
  const url = await startReceiver();
  admin = (await loginAs("ADMIN")).cookie;
  const res = await call(putConfig, "/api/v1/webhooks", { cookie: admin, method: "PUT", body: { url, generateSecret: true } });
  expect(res.status).toBe(200);
  secret = res.body.webhook.secret;
});

afterAll(async () => {
  await stopQueue();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

describe("order routes fire the webhook after the commit", () => {
  it("sends a signed order.started when an order is executed", async () => {
    const { order } = await createOrderAt(square(-47.06, -22.9, 0.002));
    const res = await act(execute, order.id);
    expect(res.status).toBe(200);

    const hit = await waitForDelivery(order.id, "order.started");
    expect(verifyWebhookSignature(secret, hit.body, hit.headers["x-raio-signature"] as string)).toBe(true);
    expect(JSON.parse(hit.body)).toMatchObject({ event: "order.started", order: { id: order.id, number: order.number, status: "EM_EXECUCAO" } });
  });

  it.each([
    { label: "cancelled", handler: cancel, executeFirst: false, status: "CANCELADA" },
    { label: "finalized", handler: finalize, executeFirst: true, status: "FINALIZADA" },
  ])("sends a signed order.ended when an order is $label", async ({ handler, executeFirst, status }) => {
    const { order } = await createOrderAt(square(-47.1 + (executeFirst ? 0.01 : 0), -22.95, 0.002), { execute: executeFirst });
    const res = await act(handler, order.id);
    expect(res.status).toBe(200);

    const hit = await waitForDelivery(order.id, "order.ended");
    expect(verifyWebhookSignature(secret, hit.body, hit.headers["x-raio-signature"] as string)).toBe(true);
    expect(JSON.parse(hit.body)).toMatchObject({ event: "order.ended", order: { id: order.id, status } });
  });

  it("does not fire when the transition is refused", async () => {
    const { order } = await createOrderAt(square(-47.12, -22.97, 0.002));
    expect((await act(finalize, order.id)).status).toBe(409); // Aberta cannot be finalized
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.filter((r) => JSON.parse(r.body).order?.id === order.id)).toHaveLength(0);
    expect(await db.webhookDelivery.count({ where: { orderId: order.id } })).toBe(0);
  });
});

describe("webhook settings", () => {
  it("keeps the saved URL when only a new secret is generated", async () => {
    const { PUT, GET } = await import("@/app/api/v1/webhooks/route");
    const { loginAs } = await import("../helpers/factory");
    const { call } = await import("../helpers/http");
    const { cookie } = await loginAs("ADMIN");
    expect((await call(PUT, "/api/v1/webhooks", { method: "PUT", cookie, body: { url: "https://erp.exemplo.com.br/hook" } })).status).toBe(200);
    const rotated = await call(PUT, "/api/v1/webhooks", { method: "PUT", cookie, body: { generateSecret: true } });
    expect(rotated.status).toBe(200);
    const now = await call(GET, "/api/v1/webhooks", { cookie });
    expect(now.body.webhook).toMatchObject({ url: "https://erp.exemplo.com.br/hook", secretSet: true });
  });
});
