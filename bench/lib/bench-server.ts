// The benchmark database: a local PostgreSQL database created and seeded when missing or empty. Shared by
// bench/api.ts and bench/status.ts (the server itself: ./server.ts).
import { spawn } from "node:child_process";
import pg from "pg";

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} saiu com ${code}`))));
  });
}

/** A pg client for the admin database of the cluster `url` points at (Unix socket when ?host= is given). */
export function adminClient(url: URL, database = "postgres"): pg.Client {
  return new pg.Client({ host: url.searchParams.get("host") ?? url.hostname, port: Number(url.port || 5432), user: url.username, database });
}

/** Refuses a non-local database, creates it when missing and seeds `customers` demo customers when empty. */
export async function ensureBenchDatabase(url: URL, customers: number): Promise<void> {
  if (!["127.0.0.1", "localhost", "::1"].includes(url.hostname)) {
    throw new Error(`Recusado: o benchmark só roda contra um PostgreSQL local (recebido ${url.hostname}).`);
  }
  const dbName = url.pathname.slice(1);
  const admin = adminClient(url);
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${dbName.replace(/"/g, "")}"`);
  await admin.end();
  await run("npx", ["tsx", "prisma/seed.ts", "--if-empty", "--customers", String(customers)], { ...process.env, DATABASE_URL: url.toString() });
}
