// The notices survive what happens to the processes sending them: a dispatcher killed with SIGKILL while its
// sends are in flight never causes a second message to the same customer, and a channel that is down does not
// hold back the others on the real queue workers.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { startQueueWorkers, stopQueue, type QueueWorker } from "@/lib/queue/queue";
import { saveChannelsConfig } from "@/lib/notifications/channel-settings";
import { closeSmtpTransports } from "@/lib/notifications/channels/smtp-email";
import { dispatchNotifications } from "@/lib/notifications/dispatch-notifications";
import { kickNotifications, notificationDispatchWorkers, notificationSweepWorker, sweepNotifications } from "@/lib/notifications/notification-workers";
import { saveSubjectNotification } from "@/lib/notifications/subject-notifications";
import { executeOrder } from "@/lib/orders/order-transitions";
import { createCustomer, createUser } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";
import { startFakeHttp, startFakeSmtp, type FakeHttp, type FakeSmtp } from "../fakes/notification-servers";

process.env.RAIO_SECRET_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const CHILD = path.join(import.meta.dirname, "dispatch-child.ts");
const LEASE_MS = 1_500;

let opa: FakeHttp;
let sms: FakeHttp;
let smtp: FakeSmtp;
let admin: Principal;
let lng = -44.0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`tempo esgotado esperando ${what}`);
    await sleep(50);
  }
}

async function scenario(channels: ("WHATSAPP" | "EMAIL" | "SMS")[], count: number, prefix: string) {
  lng -= 0.5;
  const subject = await db.subject.create({ data: { name: `Durável ${Math.random().toString(36).slice(2)}` } });
  await saveSubjectNotification(subject.id, "ORDER_STARTED", { template: "OS {{os}} em manutenção.", channels, whatsappTemplateId: "tpl", whatsappVariables: ["os"] }, admin);
  for (let i = 0; i < count; i++) {
    await createCustomer({ lng, lat: -21.0, phone: `${prefix}${String(i).padStart(2, "0")}`, customer: { email: `c${prefix}${i}@exemplo.com.br` } });
  }
  const { order } = await createOrderAt(square(lng, -21.0, 0.01), { subjectId: subject.id, principal: admin });
  await executeOrder(order.id, admin);
  return order;
}

beforeAll(async () => {
  [opa, sms, smtp] = await Promise.all([startFakeHttp(), startFakeHttp(), startFakeSmtp()]);
  const { user } = await createUser("ADMIN");
  admin = { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email };
  await saveChannelsConfig({
    whatsapp: { enabled: true, baseUrl: opa.url, channelId: "c1", token: "opa-token-123", ratePerSecond: 0 },
    email: { enabled: true, host: "127.0.0.1", port: smtp.port, from: "avisos@provedor.com.br", ratePerSecond: 0 },
    sms: { enabled: true, url: `${sms.url}/send`, ratePerSecond: 0 },
  }, admin);
});

afterAll(async () => {
  await stopQueue();
  closeSmtpTransports();
  await Promise.all([opa.close(), sms.close(), smtp.close()]);
});

// Two processes need a database both can open: PostgreSQL (the in-memory PGlite of this test process cannot be
// shared, and PGlite is single-process by design, so a second instance cannot exist there).
describe.skipIf(!process.env.DATABASE_URL)("a dispatcher killed mid-send (kill -9)", () => {
  it("never sends the in-flight notices again; the others are sent once by the next dispatcher", async () => {
    const order = await scenario(["WHATSAPP"], 12, "55199987650");
    await sweepNotifications();
    opa.delayMs = 60_000; // the provider hangs: the first group is in flight when the child dies

    const child = spawn(process.execPath, ["--import", "tsx", CHILD, String(LEASE_MS)], { env: { ...process.env }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    await until(() => opa.requests.length === 5, 30_000, `o primeiro grupo em voo (${stderr})`);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(await db.notification.count({ where: { orderId: order.id, status: "SENDING" } })).toBe(5);

    opa.delayMs = 0;
    await sleep(LEASE_MS + 200); // the dead process's lease runs out
    const result = await dispatchNotifications("WHATSAPP");
    expect(result).toMatchObject({ interrupted: 5, sent: 7 });

    const numbers = opa.requests.map((r) => JSON.parse(r.body).contato.canalCliente);
    expect(numbers).toHaveLength(12);
    expect(new Set(numbers).size).toBe(12); // nobody twice
    const rows = await db.notification.groupBy({ by: ["status"], where: { orderId: order.id }, _count: true });
    expect(Object.fromEntries(rows.map((r) => [r.status, r._count]))).toEqual({ SENT: 7, FAILED: 5 });
    const failed = await db.notification.findFirstOrThrow({ where: { orderId: order.id, status: "FAILED" } });
    expect(failed.answer).toContain("interrompido durante o envio");
  }, 60_000);
});

describe("queue workers", () => {
  it("deliver a channel's notices while another channel is down", async () => {
    await startQueueWorkers([notificationSweepWorker, ...notificationDispatchWorkers] as unknown as QueueWorker<never>[], { pollingIntervalSeconds: 0.5 });
    sms.delayMs = 8_000; // the SMS gateway hangs
    const order = await scenario(["SMS", "EMAIL"], 4, "55199987660");
    await kickNotifications();
    const emailsDone = () => db.notification.count({ where: { orderId: order.id, channel: "EMAIL", status: "SENT" } }).then((n) => n === 4);
    await until(emailsDone, 15_000, "os e-mails");
    expect(smtp.mails.filter((m) => m.to[0]!.startsWith("c55199987660"))).toHaveLength(4);
    // The SMS are still waiting on their gateway: they did not hold back the e-mails.
    expect(await db.notification.count({ where: { orderId: order.id, channel: "SMS", status: "SENT" } })).toBe(0);
    sms.delayMs = 0;
    await until(() => db.notification.count({ where: { orderId: order.id, channel: "SMS", status: "SENT" } }).then((n) => n === 4), 20_000, "os SMS");
    await stopQueue();
  }, 60_000);
});
