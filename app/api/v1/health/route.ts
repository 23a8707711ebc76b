// GET /api/v1/health – liveness: the process answers HTTP (no database access). Unauthenticated.
//   200 { status: "ok" }
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
