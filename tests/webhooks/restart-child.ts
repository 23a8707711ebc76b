// A stand-alone app process for the restart test (run with tsx): migrates, works the webhook queue, and
//   enqueue <url>      fires one delivery, waits until its first attempt failed and its retry is scheduled,
//                      then dies abruptly (SIGKILL: no in-memory state can survive);
//   resume <id>        works the queue until delivery <id> succeeded, then exits cleanly.
// Prints one JSON line on stdout for the parent.
import { closeDb, db, getBackend } from "../../lib/db";
import { migrateDatabase } from "../../lib/db/migrate";
import { getQueue, startQueueWorkers, type QueueWorker } from "../../lib/queue/queue";
import { enqueueWebhook, webhookWorker } from "../../lib/webhooks/deliver-webhook";
import { WEBHOOK_QUEUE } from "../../lib/webhooks/webhook-queue";

const POLL_MS = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const [mode, arg] = process.argv.slice(2);
  await migrateDatabase(getBackend());
  await startQueueWorkers([webhookWorker] as unknown as QueueWorker<never>[], { pollingIntervalSeconds: 0.5 });
  if (mode === "enqueue") {
    // A long back-off (10–20 s): the retry cannot happen before this process is gone.
    const { deliveryId, jobId } = await enqueueWebhook(
      { url: arg!, secret: "0123456789abcdef0123456789abcdef", event: "test.restart", orderId: null, payload: { n: 1 } },
      { retryLimit: 3, retryDelaySeconds: 10 },
    );
    const boss = await getQueue();
    while ((await boss.getJobById(WEBHOOK_QUEUE.name, jobId!))?.state !== "retry") await sleep(POLL_MS);
    console.log(JSON.stringify({ deliveryId, jobId }));
    // PGlite's folder must be closed cleanly; PostgreSQL keeps its data anyway. Then die without clean-up.
    if (getBackend().kind === "pglite") await closeDb();
    process.kill(process.pid, "SIGKILL");
  } else if (mode === "resume") {
    // The retry is due only after its back-off: make it due now, as if the time had passed while the app was down.
    await getBackend().query(`UPDATE pgboss.job SET start_after = now() WHERE name = $1 AND state = 'retry'`, [WEBHOOK_QUEUE.name]);
    for (;;) {
      const ok = await db.webhookDelivery.count({ where: { deliveryId: arg!, ok: true } });
      if (ok > 0) break;
      await sleep(POLL_MS);
    }
    const log = await db.webhookDelivery.findMany({ where: { deliveryId: arg! }, orderBy: { attempt: "asc" } });
    console.log(JSON.stringify({ log: log.map((l) => [l.attempt, l.statusCode, l.ok]) }));
    await closeDb();
    process.exit(0);
  } else {
    throw new Error(`modo desconhecido: ${mode}`);
  }
}

main().catch(async (err) => {
  console.error(err);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
