// Fills an empty database with deterministic demo data: users, branches, plans, customers (batched,
// bounded memory, with a progress bar), subjects, and maintenance regions with orders in every status.
import { db, getBackend, type Backend, type Prisma } from "../../lib/db";
import { hashPassword } from "../../lib/auth/password";
import { bulkInsert, type BulkColumn } from "../../lib/db/bulk-insert";
import { withIndexesDeferred } from "../../lib/db/defer-indexes";
import { DEFAULT_MAX_AREA_KM2 } from "../../lib/geo/validate-polygon";
import { checkRegionGeometry } from "../../lib/orders/check-region-geometry";
import { saveRegionColumns } from "../../lib/orders/save-region-columns";
import { BRANCHES, NEIGHBORHOODS, PLANS } from "./city";
import type { Principal } from "../../lib/auth/principal";
import type { AreaGeometry } from "../../lib/geo/types";
import { findLoginIdsInRegion } from "../../lib/maintenance/login-points";
import { bumpRegionsVersion } from "../../lib/maintenance/geo-version";
import { recordContact } from "../../lib/contacts/record-contact";
import { finalizeOrderWithDiscounts } from "../../lib/discounts/finalize-order-with-discounts";
import { seedFtthPlant } from "./seed-plant";
import { buildStreets, createRng, generateBatchInSteps, type GeneratedBatch, type IdCounters } from "./generate-customers";

export const DEMO_USERS = [
  { email: "admin@raio.local", password: "raio-admin", name: "Ana Administradora", role: "ADMIN" },
  { email: "agente@raio.local", password: "raio-agente", name: "Bruno Atendente", role: "AGENT" },
  { email: "gestor@raio.local", password: "raio-gestor", name: "Carla Gestora", role: "MANAGER" },
] as const;

export const MAINTENANCE_MESSAGE =
  "Olá, {{nome}}! Identificamos uma manutenção na rede da sua região (OS {{os}}). Nossa equipe já está trabalhando e a previsão de normalização é {{previsao}}. Não é preciso reiniciar seu equipamento. Pedimos desculpas pelo transtorno.";

// Customers per transaction batch: big enough to amortise round trips, small enough for bounded memory.
const BATCH_SIZE = 5_000;

const col = (name: string, type: string): BulkColumn => ({ name, type });
const COLUMNS: Record<"Customer" | "CustomerPhone" | "Contract" | "Login" | "Invoice" | "TrustUnlock", BulkColumn[]> = {
  Customer: [col("id", "int"), col("externalId", "text"), col("name", "text"), col("document", "text"), col("email", "text"), col("street", "text"), col("number", "text"), col("neighborhood", "text"), col("city", "text"), col("state", "bpchar"), col("zip", "text"), col("branchId", "int"), col("lat", "float8"), col("lng", "float8"), col("active", "bool"), col("createdAt", "timestamp(3)")],
  CustomerPhone: [col("id", "int"), col("customerId", "int"), col("phone", "text"), col("label", "text")],
  Contract: [col("id", "int"), col("externalId", "text"), col("customerId", "int"), col("planId", "int"), col("status", "ContractStatus"), col("accessStatus", "AccessStatus"), col("reducedSpeed", "bool"), col("trustUnlockEligible", "bool"), col("activatedAt", "timestamp(3)"), col("createdAt", "timestamp(3)")],
  Login: [col("id", "int"), col("externalId", "text"), col("contractId", "int"), col("username", "text"), col("status", "LoginStatus"), col("online", "bool"), col("lastSeenAt", "timestamp(3)"), col("statusChangedAt", "timestamp(3)"), col("technology", "Technology"), col("dataUsedMb", "int"), col("cycleStart", "timestamp(3)"), col("lat", "float8"), col("lng", "float8")],
  Invoice: [col("id", "int"), col("externalId", "text"), col("contractId", "int"), col("dueDate", "date"), col("amountCents", "int"), col("paidAt", "timestamp(3)"), col("digitableLine", "text"), col("paymentUrl", "text"), col("createdAt", "timestamp(3)")],
  TrustUnlock: [col("id", "int"), col("contractId", "int"), col("performedAt", "timestamp(3)"), col("expiresAt", "timestamp(3)"), col("previousAccessStatus", "AccessStatus"), col("channel", "text")],
};

export interface SeedOptions {
  customers: number;
  seed: number;
  now?: Date;
  quiet?: boolean;
}

export async function isDatabaseEmpty(): Promise<boolean> {
  return (await db.user.count()) === 0 && (await db.customer.count()) === 0;
}

function progress(done: number, total: number, started: number, quiet: boolean) {
  if (quiet) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
  const eta = rate > 0 ? Math.round((total - done) / rate) : 0;
  process.stderr.write(
    `\r[seed] [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${Math.round((done / total) * 100)}% ${done.toLocaleString("pt-BR")}/${total.toLocaleString("pt-BR")} clientes · ${Math.round(rate)}/s · faltam ~${eta}s   `,
  );
  if (done === total) process.stderr.write("\n");
}

/** Milliseconds spent in each phase of the seed (printed by the CLI: where the time of a big seed goes). */
export interface SeedPhases {
  /** Generating the rows in JavaScript, over every batch. */
  generate: number;
  /** Sending the batches to the database (the inserts), over every batch. */
  insert: number;
  /** Building the deferred indexes. */
  indexes: number;
  plant: number;
  analyze: number;
  /** Maintenance regions, orders, contacts and the finalized order's discounts. */
  maintenance: number;
}

export async function seedDatabase(opts: SeedOptions): Promise<{ customers: number; ms: number; phases: SeedPhases }> {
  const started = Date.now();
  const phases: SeedPhases = { generate: 0, insert: 0, indexes: 0, plant: 0, analyze: 0, maintenance: 0 };
  let mark = 0;
  const now = opts.now ?? new Date();
  const quiet = opts.quiet ?? false;
  const rng = createRng(opts.seed);

  for (const u of DEMO_USERS) {
    await db.user.create({ data: { email: u.email, name: u.name, role: u.role, passwordHash: await hashPassword(u.password) } });
  }
  const branchIds = {} as Record<keyof typeof BRANCHES, number>;
  for (const [key, b] of Object.entries(BRANCHES) as [keyof typeof BRANCHES, (typeof BRANCHES)[keyof typeof BRANCHES]][]) {
    branchIds[key] = (await db.branch.create({ data: { ...b, city: "Campinas" }, select: { id: true } })).id;
  }
  const planIds: number[] = [];
  for (const p of PLANS) planIds.push((await db.plan.create({ data: { ...p }, select: { id: true } })).id);

  const streets = buildStreets(rng);
  const ids: IdCounters = { contract: 1, login: 1, invoice: 1, trustUnlock: 1, phone: 1 };
  const backend = getBackend();
  let plantMs = 0;
  // The tables are empty (the seed refuses a database with data): their indexes and foreign keys are made once
  // at the end, after the FTTH plant has set the fibre logins' CTO (an update that would otherwise touch every
  // index of Login).
  await withIndexesDeferred(backend, Object.keys(COLUMNS), async () => {
    // Two batches at a time: PostgreSQL inserts batch N while JavaScript generates batch N + 1 (node and the
    // server each keep a core busy). One transaction per batch, one statement per table (lib/db/bulk-insert),
    // straight on the driver. `insert` counts only the wait for the database.
    let inFlight: Promise<void> | null = null;
    for (let from = 1; from <= opts.customers; from += BATCH_SIZE) {
      const to = Math.min(opts.customers + 1, from + BATCH_SIZE);
      // While a batch is in flight, the event loop runs between steps: its statements are sent, answered and
      // followed by the next ones while this batch is generated.
      const steps = generateBatchInSteps(rng, streets, branchIds, planIds, from, to, ids, now);
      let batch: GeneratedBatch | undefined;
      while (!batch) {
        mark = Date.now();
        const step = steps.next();
        phases.generate += Date.now() - mark;
        if (step.done) batch = step.value;
        else if (inFlight) await new Promise((resolve) => setImmediate(resolve));
      }
      mark = Date.now();
      if (inFlight) await inFlight;
      phases.insert += Date.now() - mark;
      if (from > 1) progress(from - 1, opts.customers, started, quiet);
      inFlight = insertBatch(backend, batch);
      // Awaited at the next batch (or below); a failure meanwhile must not count as unhandled.
      inFlight.catch(() => undefined);
    }
    mark = Date.now();
    await inFlight;
    phases.insert += Date.now() - mark;
    progress(opts.customers, opts.customers, started, quiet);
    // Explicit ids were used for speed: move the sequences past them.
    for (const table of ["Customer", "CustomerPhone", "Contract", "Login", "Invoice", "TrustUnlock"]) {
      await backend.query(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`);
    }
    // topo (issue 17): the FTTH plant of the fibre logins (own random stream: the rest of the demo is unchanged).
    mark = Date.now();
    await seedFtthPlant(createRng(opts.seed + 17));
    plantMs = Date.now() - mark;
    mark = Date.now();
  });
  phases.indexes = Date.now() - mark;
  phases.plant = plantMs;

  // Fresh planner statistics after a bulk load: without them PostgreSQL may plan sequential scans on
  // the freshly filled tables, and the diagnostics route slows by an order of magnitude. VACUUM too: it sets
  // the visibility map (index-only scans) and clears the rows the plant's update left behind, work autovacuum
  // would otherwise do over the first minutes of use, competing with the first users for the cores.
  mark = Date.now();
  await backend.exec("VACUUM (ANALYZE)");
  phases.analyze = Date.now() - mark;
  mark = Date.now();
  await seedMaintenance(now, rng);
  phases.maintenance = Date.now() - mark;
  return { customers: opts.customers, ms: Date.now() - started, phases };
}

async function insertBatch(backend: Backend, batch: GeneratedBatch): Promise<void> {
  await backend.transaction(async (tx) => {
    for (const [table, rows] of [
      ["Customer", batch.customers], ["CustomerPhone", batch.phones], ["Contract", batch.contracts],
      ["Login", batch.logins], ["Invoice", batch.invoices], ["TrustUnlock", batch.trustUnlocks],
    ] as const) {
      await bulkInsert(tx, table, COLUMNS[table], rows as unknown as Record<string, unknown>[]);
    }
  });
}

/** A rough polygon (n vertices, radius in metres, slightly irregular) around a point. */
function blob(rng: () => number, lng: number, lat: number, radiusM: number, n: number): Prisma.InputJsonValue {
  const ring: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = (i / n) * 2 * Math.PI;
    const r = radiusM * (0.75 + rng() * 0.4);
    ring.push([lng + (r * Math.cos(a)) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + (r * Math.sin(a)) / 111_320]);
  }
  ring.push(ring[0]!);
  return { type: "Polygon", coordinates: [ring] };
}

async function seedMaintenance(now: Date, rng: () => number) {
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email }, select: { id: true } });
  const maintenance = await db.subject.create({
    data: { name: "Manutenção em massa", isMaintenance: true, maintenanceMessage: MAINTENANCE_MESSAGE },
  });
  const rupture = await db.subject.create({
    data: {
      name: "Rompimento de fibra",
      isMaintenance: true,
      discountRule: "IXC",
      maintenanceMessage: "{{nome}}, um rompimento de fibra afeta sua região. Técnicos em campo; previsão: {{previsao}}.",
    },
  });
  await db.subject.create({ data: { name: "Suporte técnico" } });
  await db.subject.create({ data: { name: "Financeiro" } });

  const hood = (name: string) => NEIGHBORHOODS.find((n) => n.name === name)!;
  const H = 3_600_000;
  const orders: {
    hood: string; radius: number; subjectId: number; status: "ABERTA" | "EM_EXECUCAO" | "FINALIZADA" | "CANCELADA";
    description: string; openedAgoH: number; executedAgoH?: number; closedAgoH?: number; expectedInH: number; planned?: boolean;
  }[] = [
    { hood: "Taquaral", radius: 450, subjectId: maintenance.id, status: "EM_EXECUCAO", description: "Troca de OLT no POP Taquaral: clientes sem conexão", openedAgoH: 3, executedAgoH: 1, expectedInH: 3 },
    { hood: "Barão Geraldo", radius: 500, subjectId: maintenance.id, status: "ABERTA", description: "Manutenção preventiva na caixa de emenda da Av. Albino", openedAgoH: 2, expectedInH: 30, planned: true },
    { hood: "Ouro Verde", radius: 600, subjectId: rupture.id, status: "FINALIZADA", description: "Rompimento de cabo de 144 fibras por caminhão", openedAgoH: 240, executedAgoH: 239, closedAgoH: 233, expectedInH: -232 },
    { hood: "Sousas", radius: 400, subjectId: maintenance.id, status: "CANCELADA", description: "Queda de energia no POP Sousas (aberta por engano)", openedAgoH: 50, expectedInH: -40 },
  ];
  // The finalized demo order is stored executing, gets its contacts, then is finalized through the real
  // service (frozen affected logins, discounts) and moved back in time: demo history made like real history.
  let toFinalize: { id: number; executedAt: Date; closedAt: Date } | null = null;
  for (const o of orders) {
    const h = hood(o.hood);
    const finalizeLater = o.status === "FINALIZADA";
    const status = finalizeLater ? "EM_EXECUCAO" : o.status;
    const { columns } = checkRegionGeometry(blob(rng, h.lng, h.lat, o.radius, 10), DEFAULT_MAX_AREA_KM2);
    const at = (agoH: number | undefined) => (agoH === undefined ? null : new Date(now.getTime() - agoH * H));
    await db.$transaction(async (tx) => {
      const order = await tx.serviceOrder.create({
        data: {
          subjectId: o.subjectId,
          description: o.description,
          responsible: "Equipe NOC",
          expectedEndAt: new Date(now.getTime() + o.expectedInH * H),
          status,
          planned: o.planned ?? false,
          announcedAt: o.planned ? at(o.openedAgoH) : null,
          openedAt: at(o.openedAgoH)!,
          openedById: admin.id,
          executedAt: at(o.executedAgoH),
          executedById: o.executedAgoH !== undefined ? admin.id : null,
          finalizedAt: null,
          finalizedById: null,
          cancelledAt: o.status === "CANCELADA" ? at(o.openedAgoH - 1) : null,
          cancelledById: o.status === "CANCELADA" ? admin.id : null,
          interruptionStart: at(o.executedAgoH),
          interruptionEnd: null,
        },
      });
      await saveRegionColumns(tx, order.id, columns);
      const events: Prisma.ServiceOrderEventCreateManyInput[] = [
        { orderId: order.id, fromStatus: null, toStatus: "ABERTA", userId: admin.id, at: at(o.openedAgoH)! },
      ];
      if (o.executedAgoH !== undefined) events.push({ orderId: order.id, fromStatus: "ABERTA", toStatus: "EM_EXECUCAO", userId: admin.id, at: at(o.executedAgoH)! });
      if (o.status === "CANCELADA") events.push({ orderId: order.id, fromStatus: "ABERTA", toStatus: "CANCELADA", userId: admin.id, at: at(o.openedAgoH - 1)! });
      await tx.serviceOrderEvent.createMany({ data: events });
      if (finalizeLater) toFinalize = { id: order.id, executedAt: at(o.executedAgoH)!, closedAt: at(o.closedAgoH)! };
    });
  }
  await db.$transaction((tx) => bumpRegionsVersion(tx));
  const principal: Principal = { kind: "user", userId: admin.id, role: "ADMIN", name: DEMO_USERS[0].name, email: DEMO_USERS[0].email };
  await seedContacts(now, rng, principal, toFinalize);
}


// Contacts per 1,000 customers over the last 30 days (a busy support desk sees ~1 contact per customer a year).
const CONTACTS_PER_THOUSAND = 60;
// Contacts from inside each demo outage, through the real contacts service.
const CONTACTS_PER_OUTAGE = 12;
const CONTACT_COLUMNS: BulkColumn[] = [
  { name: "customerId", type: "int" }, { name: "channel", type: "text" }, { name: "text", type: "text" },
  { name: "receivedAt", type: "timestamp(3)" }, { name: "maintenanceMessageSent", type: "bool" },
];
const CHANNELS = ["whatsapp", "whatsapp", "whatsapp", "telefone", "chat", "instagram"] as const;
const TEXTS = ["minha internet caiu", "está muito lenta", "sem conexão desde cedo", "quero a segunda via do boleto", "o roteador está piscando vermelho", "preciso de desbloqueio"];

/** Demo contacts: scattered ones over 30 days, and ones from inside the executing and the finalized outages. */
async function seedContacts(now: Date, rng: () => number, principal: Principal, toFinalize: { id: number; executedAt: Date; closedAt: Date } | null) {
  const total = await db.customer.count();
  const scattered = Math.max(10, Math.round((total / 1000) * CONTACTS_PER_THOUSAND));
  // In batches through bulkInsert: 60,000 contacts at a million customers stay cheap and bounded.
  for (let from = 0; from < scattered; from += BATCH_SIZE) {
    const rows = Array.from({ length: Math.min(BATCH_SIZE, scattered - from) }, () => ({
      customerId: 1 + Math.floor(rng() * total),
      channel: CHANNELS[Math.floor(rng() * CHANNELS.length)]!,
      text: TEXTS[Math.floor(rng() * TEXTS.length)]!,
      receivedAt: new Date(now.getTime() - Math.floor(rng() * 30 * 24 * 60) * 60_000),
      maintenanceMessageSent: false,
    }));
    await db.$transaction((tx) => bulkInsert(tx, "Contact", CONTACT_COLUMNS, rows));
  }

  const executing = await db.maintenanceRegion.findMany({ where: { serviceOrder: { status: "EM_EXECUCAO" } }, select: { serviceOrderId: true, geometry: true } });
  for (const region of executing) {
    const ids = await findLoginIdsInRegion(region.geometry as unknown as AreaGeometry);
    const finalizing = toFinalize?.id === region.serviceOrderId ? toFinalize : null;
    const from = finalizing ? finalizing.executedAt.getTime() : now.getTime() - 50 * 60_000;
    const to = finalizing ? finalizing.closedAt.getTime() : now.getTime();
    for (let i = 0; i < Math.min(CONTACTS_PER_OUTAGE, ids.length); i++) {
      const loginId = ids[Math.floor(rng() * ids.length)]!;
      const login = await db.login.findUniqueOrThrow({ where: { id: loginId }, select: { contract: { select: { customerId: true } } } });
      const at = new Date(from + Math.floor(rng() * (to - from)));
      await recordContact({ customerId: login.contract.customerId, channel: CHANNELS[i % CHANNELS.length], text: TEXTS[i % TEXTS.length] }, principal, at);
    }
  }
  if (toFinalize) {
    await finalizeOrderWithDiscounts(toFinalize.id, { interruptionStart: toFinalize.executedAt.toISOString(), interruptionEnd: toFinalize.closedAt.toISOString() }, principal);
    // Move the finalization back to when it happened.
    await db.$transaction([
      db.serviceOrder.update({ where: { id: toFinalize.id }, data: { finalizedAt: toFinalize.closedAt } }),
      db.serviceOrderEvent.updateMany({ where: { orderId: toFinalize.id, toStatus: "FINALIZADA" }, data: { at: toFinalize.closedAt } }),
      db.discount.updateMany({ where: { orderId: toFinalize.id }, data: { appliedAt: toFinalize.closedAt, createdAt: toFinalize.closedAt } }),
    ]);
  }
}
