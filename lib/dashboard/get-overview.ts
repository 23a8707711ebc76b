// The start page's figures, counted in SQL (no rows loaded).
// The orders by status are counted on every call: a small table, and whoever just executed an order expects to
// see it. Active customers, logins online/offline and contracts by access status are counted over every row —
// a million each at a million customers, 0.3–0.7 s together — so each process keeps them for
// OVERVIEW_FRESH_MS; once older, a call answers with them at once and one refresh runs in the background (the
// next call gets the new counts). The start-up warm-up (lib/health/warm-up.ts) fills them before the server
// reports ready. The page says how old they are.
import { db, dbGeneration } from "../db";
import { processSlot } from "../process-slot";

/** How long the big counts are answered without a refresh. */
export const OVERVIEW_FRESH_MS = 30_000;

interface BigCounts {
  customers: number;
  online: number;
  offline: number;
  contractsByAccess: Partial<Record<string, number>>;
  /** When they were counted (ms since the epoch). */
  at: number;
}

const slot = processSlot("overviewCounts", () => ({} as { generation?: number; current?: BigCounts; refreshing?: Promise<BigCounts> }));

async function countBig(now: number): Promise<BigCounts> {
  const [customers, loginsByOnline, contractsByAccess] = await Promise.all([
    db.customer.count({ where: { active: true } }),
    db.login.groupBy({ by: ["online"], _count: { _all: true } }),
    db.contract.groupBy({ by: ["accessStatus"], _count: { _all: true } }),
  ]);
  return {
    customers,
    online: loginsByOnline.find((r) => r.online)?._count._all ?? 0,
    offline: loginsByOnline.find((r) => !r.online)?._count._all ?? 0,
    contractsByAccess: Object.fromEntries(contractsByAccess.map((r) => [r.accessStatus, r._count._all])),
    at: now,
  };
}

/** Counts again (one refresh at a time per process) and keeps the result. */
function refresh(now: number): Promise<BigCounts> {
  if (!slot.refreshing) {
    const generation = dbGeneration();
    const promise = countBig(now).then(
      (counts) => {
        if (slot.refreshing === promise) slot.refreshing = undefined;
        if (generation === dbGeneration()) {
          slot.current = counts;
          slot.generation = generation;
        }
        return counts;
      },
      (err: unknown) => {
        if (slot.refreshing === promise) slot.refreshing = undefined;
        throw err;
      },
    );
    slot.refreshing = promise;
  }
  return slot.refreshing;
}

/** Waits for a background refresh in progress (tests). */
export async function overviewRefreshed(): Promise<void> {
  await slot.refreshing?.catch(() => undefined);
}

export async function getOverview(now = Date.now()) {
  const [ordersByStatus, big] = await Promise.all([
    db.serviceOrder.groupBy({ by: ["status"], _count: { _all: true } }),
    (async () => {
      const current = slot.generation === dbGeneration() ? slot.current : undefined;
      if (!current) return refresh(now);
      if (now - current.at >= OVERVIEW_FRESH_MS) void refresh(now).catch(() => undefined);
      return current;
    })(),
  ]);
  return {
    customers: big.customers,
    online: big.online,
    offline: big.offline,
    orders: Object.fromEntries(ordersByStatus.map((r) => [r.status, r._count._all])) as Partial<Record<string, number>>,
    contractsByAccess: big.contractsByAccess,
    /** When customers, logins and contracts were counted. */
    countedAt: new Date(big.at),
  };
}
