// GET /api/v1/health/ready – readiness: whether this instance can serve, i.e. the database answers.
// Unauthenticated (load balancers, orchestrators); says nothing beyond up/down and the probe's latency.
//   200 { status: "pronto", database: { ok: true, latencyMs } }
//   503 { status: "indisponível", database: { ok: false } } with Retry-After
import { checkDatabase } from "@/lib/health/check-database";
import { DATABASE_RETRY_AFTER_S } from "@/lib/errors";

export async function GET() {
  const database = await checkDatabase();
  if (database.ok) return Response.json({ status: "pronto", database }, { headers: { "cache-control": "no-store" } });
  console.error("[prontidão] banco sem resposta:", database.error);
  return Response.json(
    { status: "indisponível", database: { ok: false }, message: "Banco de dados indisponível no momento." },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": String(DATABASE_RETRY_AFTER_S) } },
  );
}
