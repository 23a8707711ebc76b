// The status page's in-memory read model, one per process. A surge of visitors during an outage must not
// reach the database, so visits never query it: they read the snapshot in memory. At most once every
// RAIO_STATUS_REFRESH_MS (default 5 s), whatever the traffic, one visit starts a background check of a
// fingerprint of the page's data (one small statement: the public orders' id/status/times, the newest public
// note, the geo version stamps, the branding row's time); only when the fingerprint moved is the snapshot
// rebuilt. Visits keep getting the previous snapshot meanwhile (stale for at most one interval plus the
// rebuild), and a database that is down leaves the last snapshot in service: the page stays up in an outage.
// Once loaded, a timer (unref'd) runs the same check every interval even without visits, so the production
// server's micro-cache (scripts/start-server.mjs) can keep each rendered answer for as long as the snapshot's
// stamp stays the same: it reads the stamp through globalThis.__raioMicroCacheStamp, no query.
import { dbGeneration, getBackend } from "../db";
import { epochMs } from "../db/sql";
import { getEnv } from "../env";
import { loadStatusSnapshot, PUBLIC_ORDERS_WHERE, STATUS_SQL_TAG, type StatusSnapshot } from "./load-status-snapshot";
import { STATUS_PAGE_SETTING_KEY } from "./status-page-settings";
import { notifyStatusSubscribers } from "./notify-status-subscribers";

const FINGERPRINT_SQL = `${STATUS_SQL_TAG} SELECT
  (SELECT md5(COALESCE(string_agg(o.id || ':' || o.status || ':' || COALESCE(${epochMs('o."expectedEndAt"')}, 0) || ':' ||
      COALESCE(${epochMs('o."scheduledStartAt"')}, 0) || ':' || COALESCE(${epochMs('o."executedAt"')}, 0), ',' ORDER BY o.id), ''))
     FROM "ServiceOrder" o WHERE ${PUBLIC_ORDERS_WHERE}) AS orders,
  (SELECT COALESCE(MAX(u.id), 0) FROM "OrderUpdate" u WHERE u.kind = 'PUBLIC_NOTE') AS note,
  (SELECT COALESCE(string_agg(g.id || ':' || g.version, ',' ORDER BY g.id), '') FROM "GeoVersion" g) AS geo,
  (SELECT COALESCE(${epochMs('s."updatedAt"')}, 0) FROM "Setting" s WHERE s.key = '${STATUS_PAGE_SETTING_KEY}') AS branding`;

interface Fingerprint {
  orders: string;
  note: number;
  geo: string;
  branding: number | null;
}

interface State {
  generation: number;
  snapshot: StatusSnapshot;
  fingerprint: string;
  /** The geo stamps when the known CEPs were read (they follow imports, which bump the logins stamp). */
  geo: string;
  checkedAt: number;
}

interface Slot {
  state?: State;
  loading?: Promise<State>;
  checking?: Promise<void>;
  /** The subscribers' notices of the last rebuild (tests wait for it). */
  notifying?: Promise<unknown>;
  timer?: ReturnType<typeof setInterval>;
  builds: number;
}
const holder = globalThis as unknown as { __raioStatusModel?: Slot; __raioMicroCacheStamp?: () => string | null };
const slot = (holder.__raioStatusModel ??= { builds: 0 });
// The micro-cache's validity check: the stamp of the snapshot in service (null before the first load).
holder.__raioMicroCacheStamp = () => slot.state?.snapshot.stamp ?? null;

async function readFingerprint(): Promise<Fingerprint> {
  const [row] = await getBackend().query<Fingerprint>(FINGERPRINT_SQL, [], { prepared: "raio_status_fingerprint" });
  return row ?? { orders: "", note: 0, geo: "", branding: null };
}

const keyOf = (f: Fingerprint) => `${f.orders}|${f.note}|${f.geo}|${f.branding ?? 0}`;

async function build(previous: State | undefined, generation: number): Promise<State> {
  const fingerprint = await readFingerprint();
  const sameLogins = previous && previous.generation === generation && previous.geo === fingerprint.geo;
  const snapshot = await loadStatusSnapshot(sameLogins ? previous.snapshot.knownCeps : undefined);
  snapshot.stamp = `${generation}.${++slot.builds}`;
  return { generation, snapshot, fingerprint: keyOf(fingerprint), geo: fingerprint.geo, checkedAt: Date.now() };
}

function loadNow(generation: number): Promise<State> {
  slot.loading ??= build(slot.state, generation).then(
    (s) => {
      slot.state = s;
      slot.loading = undefined;
      // Subscribers hear of work that started or changed; visits never wait for it.
      slot.notifying = notifyStatusSubscribers(s.snapshot).catch((err: unknown) => {
        console.error(`[raio] página de status: avisos aos inscritos falharam (${(err as Error).message}).`);
      });
      return s;
    },
    (err: unknown) => { slot.loading = undefined; throw err; },
  );
  return slot.loading;
}

/** Checks the fingerprint and rebuilds when it moved; failures keep the current snapshot (logged). */
async function revalidate(state: State): Promise<void> {
  try {
    const f = await readFingerprint();
    if (keyOf(f) === state.fingerprint) {
      state.checkedAt = Date.now();
      return;
    }
    await loadNow(state.generation);
  } catch (err) {
    state.checkedAt = Date.now(); // try again after one more interval, not on every visit
    console.error(`[raio] página de status: não foi possível atualizar os dados (${(err as Error).message}); mantendo os anteriores.`);
  }
}

/** Starts a check when the interval has passed and none is running (visits and the timer both call it). */
function checkIfDue(now: number): void {
  const state = slot.state;
  if (!state || state.generation !== dbGeneration() || slot.checking) return;
  if (now - state.checkedAt < getEnv().RAIO_STATUS_REFRESH_MS) return;
  slot.checking = revalidate(state).finally(() => { slot.checking = undefined; });
}

/** The current snapshot: from memory; the first call of a process (or database) waits for the load. */
export async function getStatusSnapshot(now = Date.now()): Promise<StatusSnapshot> {
  const generation = dbGeneration();
  const state = slot.state;
  if (!state || state.generation !== generation) {
    const loaded = await loadNow(generation);
    slot.timer ??= setInterval(() => checkIfDue(Date.now()), getEnv().RAIO_STATUS_REFRESH_MS);
    slot.timer.unref?.();
    return loaded.snapshot;
  }
  checkIfDue(now);
  return state.snapshot;
}

/** Tests: waits for the subscribers' notices started by the last rebuild. */
export async function statusNoticesSettled(): Promise<void> {
  await slot.notifying;
}

/** Checks now and waits for the rebuild (tests; an admin's save, so the next visit sees it). */
export async function refreshStatusSnapshot(): Promise<StatusSnapshot> {
  const state = slot.state;
  if (!state || state.generation !== dbGeneration()) return (await loadNow(dbGeneration())).snapshot;
  await slot.checking;
  await revalidate(state);
  return slot.state!.snapshot;
}
