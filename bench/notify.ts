// Benchmark of customer notices on PostgreSQL (run by scripts/bench-notify.sh on a throwaway cluster):
//   1. enqueue: an executing order whose region holds CUSTOMERS customers, its subject telling "order started"
//      by SMS: the outbox row is processed into one Notification row per customer (one INSERT … SELECT);
//      target ≤ ENQUEUE_TARGET_MS;
//   2. dispatch: DISPATCHED of them sent to a fake SMS gateway that answers in GATEWAY_DELAY_MS, rate limit off;
//      target ≥ DISPATCH_TARGET_PER_S messages/s, none lost or doubled (every SENT row is exactly one request,
//      every request one row), memory bounded (peak RSS ≤ MEMORY_LIMIT_MB).
// Figures depend on the machine and on what else runs on it: on a shared box they are noisy.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { db, closeDb, getBackend } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate";
import type { Principal } from "../lib/auth/principal";
import { saveChannelsConfig } from "../lib/notifications/channel-settings";
import { dispatchNotifications } from "../lib/notifications/dispatch-notifications";
import { enqueueNotifications } from "../lib/notifications/enqueue-notifications";
import { saveSubjectNotification } from "../lib/notifications/subject-notifications";
import { createRegionWithOrder } from "../lib/orders/create-region-with-order";
import { executeOrder } from "../lib/orders/order-transitions";
import { bumpLoginsVersion } from "../lib/maintenance/geo-version";

const CUSTOMERS = Number(process.env.BENCH_NOTIFY_CUSTOMERS ?? 50_000);
const DISPATCHED = Number(process.env.BENCH_NOTIFY_DISPATCH ?? 20_000);
const ENQUEUE_TARGET_MS = 5_000;
const DISPATCH_TARGET_PER_S = 500;
const GATEWAY_DELAY_MS = 5;
const MEMORY_LIMIT_MB = 512;
/** Notices sent in parallel per group (the dispatcher's claim size; throughput follows it). */
const GROUP_SIZE = Number(process.env.BENCH_NOTIFY_GROUP ?? 500);

if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL ausente: rode com npm run bench:notify (sobe um PostgreSQL descartável).");

async function main() {
  await migrateDatabase(getBackend());
  const q = getBackend().query.bind(getBackend());
  const user = await db.user.create({ data: { email: `bench-${Date.now()}@raio.local`, name: "Bench", role: "ADMIN", passwordHash: "x" } });
  const admin: Principal = { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email };

  // Data: CUSTOMERS customers, each with a contract, a login and a mobile inside a 0.2° square.
  const t0 = performance.now();
  const [branch] = await q<{ id: number }>(`INSERT INTO "Branch" (name, central, "centralPhone", city) VALUES ('Bench', 'Central Bench', '551932320100', 'Campinas') RETURNING id`);
  const [plan] = await q<{ id: number }>(`INSERT INTO "Plan" (name, "downloadMbps", "uploadMbps", "priceCents", technology) VALUES ('Bench 300', 300, 150, 9990, 'FIBRA') RETURNING id`);
  await q(
    `INSERT INTO "Customer" (name, document, city, state, "branchId", lat, lng)
     SELECT 'Cliente ' || i, lpad(i::text, 11, '0'), 'Campinas', 'SP', $1, -22.9 + (i % 400) * 0.0005, -47.1 + (i / 400) * 0.0005
       FROM generate_series(1, $2::int) i`,
    [branch!.id, CUSTOMERS],
  );
  await q(`INSERT INTO "CustomerPhone" ("customerId", phone) SELECT id, '55199' || lpad(id::text, 8, '0') FROM "Customer"`);
  await q(`INSERT INTO "Contract" ("customerId", "planId", status, "accessStatus") SELECT id, $1, 'ATIVO', 'ATIVO' FROM "Customer"`, [plan!.id]);
  await q(
    `INSERT INTO "Login" ("contractId", username, status, online, technology, lat, lng)
     SELECT k.id, 'bench' || k.id, 'ATIVO', true, 'FIBRA', c.lat, c.lng FROM "Contract" k JOIN "Customer" c ON c.id = k."customerId"`,
  );
  await db.$transaction((tx) => bumpLoginsVersion(tx));
  console.log(`dados: ${CUSTOMERS} clientes em ${Math.round(performance.now() - t0)} ms`);

  // The SMS gateway answering in GATEWAY_DELAY_MS, counting requests per number.
  const seen = new Map<string, number>();
  const gateway = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const to = (JSON.parse(body) as { to: string }).to;
      seen.set(to, (seen.get(to) ?? 0) + 1);
      setTimeout(() => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}'), GATEWAY_DELAY_MS);
    });
  });
  gateway.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
  await saveChannelsConfig({ sms: { enabled: true, url, ratePerSecond: 0 }, quietHours: { enabled: false } }, admin);

  const subject = await db.subject.create({ data: { name: "Bench aviso", isMaintenance: true, maintenanceMessage: "OS {{os}}" } });
  await saveSubjectNotification(subject.id, "ORDER_STARTED", { template: "Olá, {{primeiroNome}}! Manutenção na OS {{os}}, previsão {{previsao}}.", channels: ["SMS"] }, admin);
  const ring = [[-47.105, -22.905], [-47.03, -22.905], [-47.03, -22.695], [-47.105, -22.695], [-47.105, -22.905]];
  const { order } = await createRegionWithOrder(
    { subjectId: subject.id, description: "Bench", expectedEndAt: new Date(Date.now() + 3_600_000).toISOString(), region: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } } },
    admin,
  );

  // 1. Enqueue: the transition writes the outbox row; processing it is the set-based enqueue.
  const e0 = performance.now();
  await executeOrder(order.id, admin);
  const outbox = await db.notificationOutbox.findFirstOrThrow({ where: { orderId: order.id } });
  const enqueued = await enqueueNotifications(outbox.id);
  const enqueueMs = performance.now() - e0;
  const rows = await db.notification.count({ where: { orderId: order.id } });
  console.log(`enfileirar: ${rows} avisos em ${Math.round(enqueueMs)} ms (meta ≤ ${ENQUEUE_TARGET_MS} ms; inseridos ${enqueued?.inserted})`);

  // 2. Dispatch DISPATCHED of them.
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  const d0 = performance.now();
  const result = await dispatchNotifications("SMS", { groupSize: GROUP_SIZE, maxGroups: Math.ceil(DISPATCHED / GROUP_SIZE) });
  const dispatchMs = performance.now() - d0;
  clearInterval(sampler);
  const rate = (result.sent / dispatchMs) * 1000;
  const sentRows = await db.notification.count({ where: { orderId: order.id, status: "SENT" } });
  const requests = [...seen.values()].reduce((a, b) => a + b, 0);
  const doubled = [...seen.values()].filter((n) => n > 1).length;
  const [{ pending }] = (await q<{ pending: number }>(`SELECT COUNT(*)::int AS pending FROM "Notification" WHERE "orderId" = $1 AND status = 'QUEUED'`, [order.id])) as [{ pending: number }];
  console.log(`enviar: ${result.sent} mensagens em ${Math.round(dispatchMs)} ms = ${Math.round(rate)} msg/s (meta ≥ ${DISPATCH_TARGET_PER_S}); gateway respondendo em ${GATEWAY_DELAY_MS} ms`);
  console.log(`conferência: ${sentRows} linhas SENT, ${requests} requisições, ${seen.size} números distintos, ${doubled} em dobro, ${pending} ainda na fila, falhas ${result.failed}`);
  console.log(`memória: pico de RSS ${Math.round(peakRss / 1024 / 1024)} MB (limite ${MEMORY_LIMIT_MB} MB)`);

  const checks = [
    [rows === CUSTOMERS, `um aviso por cliente (${rows}/${CUSTOMERS})`],
    [enqueueMs <= ENQUEUE_TARGET_MS, "enfileirar dentro da meta"],
    [rate >= DISPATCH_TARGET_PER_S, "envio dentro da meta"],
    [sentRows === requests && requests === seen.size && doubled === 0 && result.failed === 0, "nenhum perdido ou em dobro"],
    [sentRows + pending === CUSTOMERS, "os não enviados continuam na fila"],
    [peakRss <= MEMORY_LIMIT_MB * 1024 * 1024, "memória limitada"],
  ] as const;
  for (const [ok, what] of checks) console.log(`${ok ? "ok  " : "FALHOU"} ${what}`);
  console.log("(máquina compartilhada: os números variam com a carga de outros processos)");
  const pass = checks.every(([ok]) => ok);
  console.log(pass ? "PASS" : "FAIL");
  await new Promise<void>((resolve) => { gateway.closeAllConnections(); gateway.close(() => resolve()); });
  await closeDb();
  process.exit(pass ? 0 : 1);
}

main().catch(async (err) => {
  console.error(err);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
