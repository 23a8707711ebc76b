// GET /api/v1/health/ready – readiness: whether this instance can serve, i.e. it has finished its start-up
// warm-up (lib/health/warm-up.ts: connections, spatial indexes, the hot queries) and the database answers.
// Unauthenticated (load balancers, orchestrators); says nothing beyond up/down and the probe's latency.
//   200 { status: "pronto", database: { ok: true, latencyMs } }
//   503 { status: "aquecendo" } with Retry-After while the warm-up runs (the first requests would be slow)
//   503 { status: "indisponível", database: { ok: false } } with Retry-After
import { checkDatabase } from "@/lib/health/check-database";
import { startWarmUp, warmUpState } from "@/lib/health/warm-up";
import { DATABASE_RETRY_AFTER_S } from "@/lib/errors";

// Seconds a load balancer should wait before probing a warming instance again.
const WARMING_RETRY_AFTER_S = 1;

export async function GET() {
  const warm = warmUpState();
  // "idle": a process that never started a warm-up (no server start-up ran): only the database decides.
  if (warm.status === "warming" || warm.status === "failed") {
    if (warm.status === "failed") void startWarmUp();
    return Response.json(
      { status: "aquecendo", message: "Instância iniciando: carregando índices e conexões." },
      { status: 503, headers: { "cache-control": "no-store", "retry-after": String(WARMING_RETRY_AFTER_S) } },
    );
  }
  const database = await checkDatabase();
  if (database.ok) return Response.json({ status: "pronto", database }, { headers: { "cache-control": "no-store" } });
  console.error("[prontidão] banco sem resposta:", database.error);
  return Response.json(
    { status: "indisponível", database: { ok: false }, message: "Banco de dados indisponível no momento." },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": String(DATABASE_RETRY_AFTER_S) } },
  );
}
