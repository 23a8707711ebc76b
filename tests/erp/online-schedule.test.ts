// The logins' online refresh runs on its own clock in seconds (cron only knows minutes): a chain of delayed
// jobs in the durable queue, one chain however many instances start it, each pass applying the ERP's flags.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, getBackend } from "@/lib/db";
import { saveErpConnection } from "@/lib/erp/erp-connection";
import { IxcConnector } from "@/lib/erp/ixc/ixc-connector";
import { runSync } from "@/lib/erp/sync/run-sync";
import { applySyncSchedules, ONLINE_QUEUE, onlineWorker, queueOnlinePass } from "@/lib/erp/sync/sync-queue";
import { startQueueWorkers, stopQueue, type QueueWorker } from "@/lib/queue/queue";
import { startFakeIxc, type FakeIxc } from "../fakes/ixc-server";

const PERIOD_S = 10;
let fake: FakeIxc;

beforeAll(async () => {
  process.env.RAIO_SECRET_KEY = randomBytes(32).toString("base64");
  fake = await startFakeIxc({ customers: 20 });
  const connector = new IxcConnector({ baseUrl: fake.url, userId: fake.userId, token: fake.token });
  await runSync(connector, { kind: "FULL" });
  connector.close();
  await saveErpConnection({ baseUrl: fake.url, userId: fake.userId, token: fake.token, enabled: true, onlineEverySeconds: PERIOD_S }, null);
});
afterAll(async () => {
  await saveErpConnection({ enabled: false }, null);
  await stopQueue();
  await fake.close();
});

async function onlineRuns() {
  return db.syncRun.findMany({ where: { kind: "ONLINE", status: "SUCCEEDED" }, orderBy: { id: "asc" }, select: { startedAt: true, finishedAt: true } });
}

describe("online refresh schedule", { timeout: 90_000 }, () => {
  it(`runs every ${PERIOD_S} s as one chain of queued passes, and applies the ERP's online flags`, async () => {
    const login = fake.data.radusuarios![2]!;
    const before = await db.login.findUniqueOrThrow({ where: { externalId: login.id! }, select: { online: true } });
    fake.upsert("radusuarios", { ...login, online: before.online ? "N" : "S" });

    await applySyncSchedules();
    // A second instance starting (or a second save of the settings) does not start a second chain.
    expect(await queueOnlinePass(0)).toBeNull();
    await startQueueWorkers([onlineWorker] as unknown as QueueWorker<never>[], { pollingIntervalSeconds: 0.5 });

    const deadline = Date.now() + 60_000;
    let runs = await onlineRuns();
    while (runs.length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      runs = await onlineRuns();
    }
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect((await db.login.findUniqueOrThrow({ where: { externalId: login.id! }, select: { online: true } })).online).toBe(!before.online);
    // The next pass waits the period after the previous one ended (not a minute, not at once).
    const gap = runs[1]!.startedAt.getTime() - runs[0]!.finishedAt!.getTime();
    expect(gap).toBeGreaterThanOrEqual(PERIOD_S * 1000 - 1000);
    expect(gap).toBeLessThan(PERIOD_S * 1000 + 15_000);
    // Durable and single: exactly one pass waits in the database for the next turn.
    const waiting = await getBackend().query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry')`, [ONLINE_QUEUE.name]);
    expect(Number(waiting[0]!.n)).toBe(1);
  });
});
