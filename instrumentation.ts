// Next.js calls register() once when a server process starts. The work is Node.js-only (the database, the
// job queue, process exit codes): instrumentation-node.ts holds it, imported only in the Node.js runtime so
// that the Edge bundle of this file never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { registerNodeServer } = await import("./instrumentation-node");
  await registerNodeServer();
}
