// The start-up warm-up of a server process: before its readiness endpoint (GET /api/v1/health/ready) says
// "pronto", the process opens its database connections, builds its in-memory spatial indexes (every login's
// location and online state, the executing regions), and runs once the queries of the hot screens and APIs (token check,
// diagnostics, dashboard, search) so that Prisma's query plans, PostgreSQL's prepared statements and the
// pages of the indexes they read are loaded. Without it the first requests after a start (a deploy, a
// worker replaced) pay all of that: seconds for the dashboard at a million logins.
// Started by instrumentation-node.ts; state on globalThis (Next loads this module once per bundle).
import { getBackend } from "../db";
import { principalFromBearer } from "../auth/api-tokens";
import { diagnoseCustomerOrThrow } from "../customers/diagnose-customer-or-throw";
import { searchCustomers } from "../customers/search-customers";
import { customerSearchSchema } from "../customers/search-schema";
import { getDashboard } from "../dashboard/get-dashboard";
import { getOverview } from "../dashboard/get-overview";
import { dashboardQuerySchema } from "../validation/dashboard";
import { warmLoginStatus } from "../maintenance/login-status";
import { getExecutingRegionIndex } from "../maintenance/executing-regions";

// Customers diagnosed at start (twice each: by code and by document).
const WARM_DIAGNOSTICS = 100;
// Connections opened side by side at start (the pool's default size: lib/db/backend.ts).
const WARM_CONNECTIONS = Number(process.env.RAIO_PG_POOL_SIZE ?? 10);

export interface WarmUpState {
  status: "idle" | "warming" | "ready" | "failed";
  ms?: number;
  error?: string;
}

const holder = globalThis as unknown as { __raioWarmUp?: { state: WarmUpState; promise?: Promise<void> } };
const slot = (holder.__raioWarmUp ??= { state: { status: "idle" } });

async function warmSteps(): Promise<void> {
  const backend = getBackend();
  if (backend.kind === "postgresql") await Promise.all(Array.from({ length: WARM_CONNECTIONS }, () => backend.query("SELECT 1")));
  // The spatial indexes first: the dashboard and diagnostics below use them.
  await Promise.all([warmLoginStatus(), getExecutingRegionIndex()]);
  await principalFromBearer("rt_aquecimento_inexistente"); // the token lookup's query (no such token)
  // Diagnostics of customers spread over the table, enough calls for V8 to optimize the code the chatbot's
  // routes run (this bundle's copy is the one the API's fast lane serves them with): a process that had run it
  // a few times only, then took 400 requests a second, fell behind for seconds while the code tiered up.
  const sample = await getBackend().query<{ id: number; document: string }>(
    `SELECT id, document FROM "Customer" WHERE id IN (SELECT (1 + floor(random() * (SELECT max(id) FROM "Customer")))::int FROM generate_series(1, $1))`,
    [WARM_DIAGNOSTICS],
  );
  // As many lanes as connections: every connection of the pool prepares (and PostgreSQL plans) the diagnostics
  // statement now, not under the first burst of traffic.
  const lanes = Math.max(1, Math.min(WARM_CONNECTIONS, sample.length));
  await Promise.all(Array.from({ length: lanes }, async (_, lane) => {
    for (let i = lane; i < sample.length; i += lanes) {
      await diagnoseCustomerOrThrow({ customerId: sample[i]!.id });
      await diagnoseCustomerOrThrow({ cpf: sample[i]!.document });
    }
  }));
  await getDashboard(dashboardQuerySchema.parse({}));
  await getOverview();
  for (const q of ["bea", "123", "19 9"]) await searchCustomers(customerSearchSchema.parse({ q }));
}

/** Starts the warm-up once per process (again after a failure: the next readiness probe retries it). */
export function startWarmUp(): Promise<void> {
  if (slot.promise && slot.state.status !== "failed") return slot.promise;
  const started = performance.now();
  slot.state = { status: "warming" };
  slot.promise = warmSteps().then(
    () => {
      slot.state = { status: "ready", ms: Math.round(performance.now() - started) };
      console.log(`[raio] aquecimento concluído em ${slot.state.ms} ms (processo ${process.pid}).`);
    },
    (err: unknown) => {
      slot.state = { status: "failed", error: err instanceof Error ? err.message : String(err) };
      console.error(`[raio] aquecimento falhou (nova tentativa na próxima sondagem de prontidão): ${slot.state.error}`);
    },
  );
  return slot.promise;
}

/** Where the warm-up stands in this process. "idle": never started (a process without instrumentation). */
export function warmUpState(): WarmUpState {
  return slot.state;
}
