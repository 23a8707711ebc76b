// Next.js calls register() once when a server process starts (next start, next dev). On the embedded PGlite
// the database is opened — and its folder locked (lib/db/data-dir-lock.ts) — right now rather than at the
// first request: a second server, or a server started while `npm run import` runs, stops at once with a
// message naming the process that holds the folder, instead of answering every request with an error.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.DATABASE_URL) return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getBackend } = await import("./lib/db");
  try {
    getBackend();
  } catch (err) {
    console.error(`[raio] ${(err as Error).message}`);
    process.exit(1);
  }
}
