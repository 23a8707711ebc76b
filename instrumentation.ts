// Next.js calls register() once when a server process starts (`next start`, each cluster worker of
// scripts/start-server.mjs, `next dev`). This is where the app server starts working the job queue
// (lib/queue): webhook deliveries and ERP syncs run in the app's own processes, and pg-boss hands each job
// to exactly one of them. Nothing else starts workers: CLI commands and tests only enqueue, unless they
// start workers themselves. RAIO_QUEUE_WORKERS=0 turns them off in a process (e.g. a web-only instance
// beside a dedicated worker).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return; // `next build` prerendering: no server
  if (process.env.RAIO_QUEUE_WORKERS === "0") return;
  const { startAppWorkers } = await import("./lib/queue/start-app-workers");
  await startAppWorkers();
}
