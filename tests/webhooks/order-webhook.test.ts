import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getConfig, PUT as putConfig } from "@/app/api/v1/webhooks/route";
import { GET as getDeliveries } from "@/app/api/v1/webhooks/deliveries/route";
import { db } from "@/lib/db";
import { getQueue, startQueueWorkers, stopQueue, type QueueWorker } from "@/lib/queue/queue";
import { webhookWorker } from "@/lib/webhooks/deliver-webhook";
import { WEBHOOK_QUEUE } from "@/lib/webhooks/webhook-queue";
import { fireOrderWebhook } from "@/lib/webhooks/fire-order-webhook";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";
import { startReceiver, waitForDeliveryLog, type Receiver } from "../helpers/webhooks";

/** Two retries, 1–2 s then 2–4 s apart (the queue's shortest back-off). */
const FAST = { retryLimit: 2, retryDelaySeconds: 1 };
let receiver: Receiver;
let admin: string;
let secret: string;

beforeAll(async () => {
  await startQueueWorkers([webhookWorker] as unknown as QueueWorker<never>[], { pollingIntervalSeconds: 0.5 });
  receiver = await startReceiver();
  admin = (await loginAs("ADMIN")).cookie;
  const res = await call(putConfig, "/api/v1/webhooks", { cookie: admin, method: "PUT", body: { url: receiver.url, generateSecret: true } });
  expect(res.status).toBe(200);
  secret = res.body.webhook.secret;
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
});

afterAll(async () => {
  await stopQueue();
  await receiver?.close();
});

function deliveryIdOf(result: Awaited<ReturnType<typeof fireOrderWebhook>>): string {
  if (!("deliveryId" in result)) throw new Error(`não enfileirou: ${result.skipped}`);
  return result.deliveryId;
}

describe("fireOrderWebhook", () => {
  it("answers at once and leaves the delivery to the queue", async () => {
    const { order } = await createOrderAt(square(-47.05, -22.89, 0.002), { execute: true });
    const result = await fireOrderWebhook(order.id, "order.started", FAST);
    expect(result).toMatchObject({ deliveryId: expect.any(String), jobId: expect.any(String) });
    await waitForDeliveryLog(deliveryIdOf(result), (rows) => rows.some((r) => r.ok));
  });

  it("retries after a failure, signs the body, and logs every attempt", async () => {
    const { order } = await createOrderAt(square(-47.06, -22.9, 0.002), { execute: true });
    receiver.received.length = 0;
    receiver.script.push(500);

    const result = await fireOrderWebhook(order.id, "order.started", FAST);
    await waitForDeliveryLog(deliveryIdOf(result), (rows) => rows.some((r) => r.ok));

    expect(receiver.received).toHaveLength(2);
    for (const [i, r] of receiver.received.entries()) {
      expect(verifyWebhookSignature(secret, r.body, r.headers["x-raio-signature"] as string)).toBe(true);
      expect(r.headers["x-raio-event"]).toBe("order.started");
      expect(r.headers["x-raio-attempt"]).toBe(String(i + 1));
    }
    expect(receiver.received[0]!.body).toBe(receiver.received[1]!.body);
    const payload = JSON.parse(receiver.received[1]!.body);
    expect(payload).toMatchObject({ event: "order.started", order: { id: order.id, number: order.number, status: "EM_EXECUCAO" } });
    expect(payload.id).toBe(receiver.received[1]!.headers["x-raio-delivery"]);

    const log = await db.webhookDelivery.findMany({ where: { orderId: order.id }, orderBy: { attempt: "asc" } });
    expect(log.map((l) => [l.attempt, l.statusCode, l.ok, l.event])).toEqual([
      [1, 500, false, "order.started"],
      [2, 200, true, "order.started"],
    ]);
    expect(log[0]!.error).toBe("HTTP 500");
    expect(new Set(log.map((l) => l.deliveryId)).size).toBe(1);

    const api = await call(getDeliveries, `/api/v1/webhooks/deliveries?orderId=${order.id}`, { cookie: admin });
    expect(api.body.deliveries.map((d: { attempt: number }) => d.attempt)).toEqual([2, 1]);
  });

  it("gives up after the last retry and logs each failure", async () => {
    const { order } = await createOrderAt(square(-47.07, -22.91, 0.002));
    receiver.script.push(503, 503, 503);
    const result = await fireOrderWebhook(order.id, "order.ended", FAST);
    await waitForDeliveryLog(deliveryIdOf(result), (rows) => rows.length === 3);
    // The job ends failed: no fourth attempt.
    const boss = await getQueue();
    await expect.poll(async () => (await boss.getJobById(WEBHOOK_QUEUE.name, (result as { jobId: string }).jobId))?.state, { timeout: 5_000 }).toBe("failed");
    const log = await db.webhookDelivery.findMany({ where: { orderId: order.id }, orderBy: { attempt: "asc" } });
    expect(log.map((l) => [l.attempt, l.statusCode, l.ok])).toEqual([[1, 503, false], [2, 503, false], [3, 503, false]]);
  });

  it("records the error when the receiver is unreachable", async () => {
    const down = await startReceiver();
    await new Promise<void>((resolve) => down.server.close(() => resolve()));
    await call(putConfig, "/api/v1/webhooks", { cookie: admin, method: "PUT", body: { url: down.url } });
    const { order } = await createOrderAt(square(-47.08, -22.92, 0.002));
    const result = await fireOrderWebhook(order.id, "order.ended", { retryLimit: 1, retryDelaySeconds: 1 });
    await waitForDeliveryLog(deliveryIdOf(result), (rows) => rows.length === 2);
    const log = await db.webhookDelivery.findMany({ where: { orderId: order.id } });
    expect(log).toHaveLength(2);
    for (const l of log) {
      expect(l.statusCode).toBeNull();
      expect(l.error).toBeTruthy();
    }
    await call(putConfig, "/api/v1/webhooks", { cookie: admin, method: "PUT", body: { url: receiver.url } });
  });

  it("does nothing when no webhook is configured", async () => {
    await call(putConfig, "/api/v1/webhooks", { cookie: admin, method: "PUT", body: { url: null } });
    const { order } = await createOrderAt(square(-47.09, -22.93, 0.002));
    expect(await fireOrderWebhook(order.id, "order.started", FAST)).toEqual({ skipped: "webhook não configurado" });
    expect(await db.webhookDelivery.count({ where: { orderId: order.id } })).toBe(0);
    await call(putConfig, "/api/v1/webhooks", { cookie: admin, method: "PUT", body: { url: receiver.url } });
  });
});

describe("/api/v1/webhooks", () => {
  it("never shows the secret after it is generated", async () => {
    const res = await call(getConfig, "/api/v1/webhooks", { cookie: admin });
    expect(res.body.webhook).toEqual({ url: receiver.url, secretSet: true, secretPrefix: secret.slice(0, 4) });
    expect(res.text).not.toContain(secret);
  });

  it.each([
    { label: "a non-http URL", body: { url: "ftp://exemplo.com/x" }, field: "url" },
    { label: "a short secret", body: { secret: "curto" }, field: "secret" },
  ])("refuses $label naming the field", async ({ body, field }) => {
    const res = await call(putConfig, "/api/v1/webhooks", { cookie: admin, method: "PUT", body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it("is for admins only", async () => {
    const agent = (await loginAs("AGENT")).cookie;
    expect((await call(getConfig, "/api/v1/webhooks", { cookie: agent })).status).toBe(403);
  });
});
