// The Node.js server's start-up, run once per server process (`next start`, each cluster worker of
// scripts/start-server.mjs, `next dev`) by instrumentation.ts's register().
// 1. On the embedded PGlite the database is opened — and its folder locked (lib/db/data-dir-lock.ts) — right
//    now rather than at the first request: a second server, or a server started while `npm run import` runs,
//    stops at once with a message naming the process that holds the folder.
// 2. Configuration that would only fail later fails here, with its reason: an ERP connection whose token
//    cannot be decrypted (RAIO_SECRET_KEY missing, malformed or changed) stops the start-up.
// 3. The app server works the job queue (lib/queue): webhook deliveries and ERP syncs run in the app's own
//    processes, and pg-boss hands each job to exactly one of them. Nothing else starts workers: CLI
//    commands and tests only enqueue, unless they start workers themselves. RAIO_QUEUE_WORKERS=0 turns them
//    off in a process (e.g. a web-only instance beside others that work the queue).
// 4. The API's front door (lib/http/api-front.ts) goes on the HTTP server before the first request, with its
//    fast lane for the chatbot's hot routes (RAIO_API_FAST_LANE=0 turns the fast lane off).
// 5. The warm-up (lib/health/warm-up.ts) starts: GET /api/v1/health/ready answers 503 "aquecendo" until the
//    connections, the spatial indexes and the hot queries are ready, so a load balancer sends no user to a
//    cold instance. RAIO_WARM_UP=0 turns it off.
export async function registerNodeServer(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return; // `next build` prerendering: no server
  // The API's front door (security headers, NUL, JSON 405, the fast lane) on this process's HTTP server,
  // before any request.
  const { installApiFront } = await import("./lib/http/api-front");
  installApiFront({ fastLane: process.env.RAIO_API_FAST_LANE === "0" ? [] : await chatbotFastLane() });
  if (!process.env.DATABASE_URL) {
    const { getBackend } = await import("./lib/db");
    try {
      getBackend();
    } catch (err) {
      console.error(`[raio] ${(err as Error).message}`);
      process.exit(1);
    }
  }
  const { checkErpSecretsAtStartup } = await import("./lib/erp/erp-connection");
  const problem = await checkErpSecretsAtStartup();
  if (problem) {
    console.error(`[raio] Configuração inválida: ${problem}`);
    process.exit(78); // EX_CONFIG: a supervisor should not restart the same mistake forever
  }
  if (process.env.RAIO_WARM_UP !== "0") {
    const { startWarmUp } = await import("./lib/health/warm-up");
    void startWarmUp();
  }
  if (process.env.RAIO_QUEUE_WORKERS === "0") return;
  const { startAppWorkers } = await import("./lib/queue/start-app-workers");
  await startAppWorkers();
}

/**
 * The routes a chatbot calls on every conversation, served by the front door's fast lane with the handlers
 * their route files export (the same code, without Next's per-request pipeline).
 */
async function chatbotFastLane(): Promise<import("./lib/http/api-front").FastLane> {
  const [diagnostics, contacts, chatbot] = await Promise.all([
    import("./app/api/v1/diagnostics/route"),
    import("./app/api/v1/contacts/route"),
    import("./app/api/v1/chatbot/diagnostics/[field]/[value]/route"),
  ]);
  return [
    { pattern: "/api/v1/diagnostics", methods: { GET: diagnostics.GET } },
    { pattern: "/api/v1/contacts", methods: { POST: contacts.POST } },
    { pattern: "/api/v1/chatbot/diagnostics/:field/:value", methods: { GET: chatbot.GET } },
  ];
}
