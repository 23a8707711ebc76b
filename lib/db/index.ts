// The one Prisma client of the process, on the backend lib/db/backend.ts chooses.
import { PrismaClient } from "./generated/client";
import { createBackend, type Backend } from "./backend";

export type { Backend, BackendKind, SqlTx } from "./backend";
export * from "./generated/enums";
export { Prisma } from "./generated/client";
export type { PrismaClient } from "./generated/client";

interface DbState {
  backend: Backend;
  prisma: PrismaClient;
  /** Changes whenever a new database is opened, so in-memory caches never outlive their database. */
  generation: number;
}

// Kept on globalThis so that Next's hot reload does not open a second PGlite on the same data dir.
const holder = globalThis as unknown as {
  __raioDb?: DbState;
  __raioDbHooks?: boolean;
  __raioDbGeneration?: number;
  __raioDbBeforeClose?: Set<() => Promise<void>>;
};

/** Runs `fn` before the database closes (the job queue stops polling first); returns the unregister function. */
export function onBeforeDbClose(fn: () => Promise<void>): () => void {
  const hooks = (holder.__raioDbBeforeClose ??= new Set());
  hooks.add(fn);
  return () => hooks.delete(fn);
}

function state(): DbState {
  if (!holder.__raioDb) {
    const backend = createBackend();
    const prisma = new PrismaClient({ adapter: backend.adapter });
    holder.__raioDbGeneration = (holder.__raioDbGeneration ?? 0) + 1;
    holder.__raioDb = { backend, prisma, generation: holder.__raioDbGeneration };
    installExitHooks();
  }
  return holder.__raioDb;
}

/** The Prisma client. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    const client = state().prisma as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

/** Identifies the open database; caches keyed by it are dropped when the database changes. */
export function dbGeneration(): number {
  return state().generation;
}

export function getBackend(): Backend {
  return state().backend;
}

/** Closes the database (PGlite must be closed cleanly or its data dir may need recovery). */
export async function closeDb(): Promise<void> {
  const s = holder.__raioDb;
  if (!s) return;
  for (const hook of [...(holder.__raioDbBeforeClose ?? [])]) await hook().catch((err) => console.error("[db] antes de fechar:", err));
  holder.__raioDb = undefined;
  await s.prisma.$disconnect().catch(() => undefined);
  await s.backend.close();
}

function installExitHooks(): void {
  if (holder.__raioDbHooks) return;
  holder.__raioDbHooks = true;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      void closeDb().finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
    });
  }
}
