// Two writers on one PGlite folder (issue: `npm run import`, `token`, `user` and `seed` ran without a word
// while the app held the same folder, and the app never saw their changes). Real processes: a holder that
// opens the folder as the app does, and the real CLI entry points.
import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { acquireDataDirLock, DataDirLockedError, lockPathFor } from "@/lib/db/data-dir-lock";

const ROOT = path.resolve(import.meta.dirname, "../..");
const HOLDER = path.join(import.meta.dirname, "fixtures", "hold-pglite.ts");
const children: ChildProcess[] = [];

function env(dataDir: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, RAIO_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", CHECKPOINT_DISABLE: "1" };
  delete e.DATABASE_URL;
  delete e.npm_lifecycle_event;
  return e;
}

function freshDir(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "raio-lock-")), "pglite");
}

/** Starts the holder; resolves once it holds the folder. */
function startHolder(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", HOLDER], { cwd: ROOT, env: env(dataDir), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let err = "";
    child.stdout!.on("data", (d: Buffer) => {
      if (d.toString().includes("pronto")) resolve(child);
    });
    child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => reject(new Error(`o processo saiu (${code}): ${err}`)));
  });
}

/** Runs a CLI entry point to the end. */
function run(dataDir: string, script: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: ROOT, env: env(dataDir), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, out, err, ms: Date.now() - started })));
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.on("exit", (c) => resolve(c))));

afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      c.kill("SIGTERM");
      await exited(c);
    }
  }
});

// The lock is about the embedded database; the PostgreSQL run of the suite has nothing to lock.
describe.skipIf(process.env.RAIO_TEST_BACKEND === "postgresql")("one process per PGlite folder", () => {
  it("import, token, user, seed and db:migrate stop at once, naming the process that holds the folder", { timeout: 180_000 }, async () => {
    const dir = freshDir();
    const holder = await startHolder(dir);
    const lock = JSON.parse(readFileSync(lockPathFor(dir), "utf8"));
    expect(lock).toMatchObject({ pid: holder.pid, command: expect.stringContaining("hold-pglite.ts") });
    const csvDir = mkdtempSync(path.join(tmpdir(), "raio-lock-csv-"));
    const results = await Promise.all([
      run(dir, "prisma/import.ts", csvDir),
      run(dir, "scripts/token.ts", "create", "--name", "ERP"),
      run(dir, "scripts/user.ts", "create", "--email", "x@y.com", "--name", "Fulano", "--role", "AGENT", "--password", "segredo123"),
      run(dir, "prisma/seed.ts", "--customers", "10"),
      run(dir, "scripts/migrate.ts"),
    ]);
    for (const r of results) {
      expect(r.code, r.out + r.err).toBe(1);
      expect(r.err).toContain(`PID ${holder.pid}`);
      expect(r.err).toContain("hold-pglite.ts");
      expect(r.err).toMatch(/desde \d{2}\/\d{2}\/\d{4}/);
      expect(r.err).toMatch(/já está em uso por outro processo/);
      expect(r.err).toMatch(/pare o servidor/);
      expect(r.err).toMatch(/Configurações/);
    }
    // The holder was not disturbed and still owns the lock.
    expect(holder.exitCode).toBeNull();
    expect(JSON.parse(readFileSync(lockPathFor(dir), "utf8")).pid).toBe(holder.pid);

    // Stopped with a signal, it closes the database and removes the lock: the command then works.
    holder.kill("SIGTERM");
    expect(await exited(holder)).not.toBe(0);
    expect(existsSync(lockPathFor(dir))).toBe(false);
    const token = await run(dir, "scripts/token.ts", "create", "--name", "ERP");
    expect(token.code, token.err).toBe(0);
    expect(token.out).toMatch(/Token "ERP" \(AGENT\) criado/);
    expect(existsSync(lockPathFor(dir))).toBe(false);
  });

  it("recovers the lock of a process killed with SIGKILL", { timeout: 120_000 }, async () => {
    const dir = freshDir();
    const holder = await startHolder(dir);
    holder.kill("SIGKILL");
    await exited(holder);
    expect(JSON.parse(readFileSync(lockPathFor(dir), "utf8")).pid).toBe(holder.pid); // left behind
    const r = await run(dir, "scripts/migrate.ts");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain(`Trava antiga de ${lockPathFor(dir)} removida: o processo ${holder.pid}`);
    expect(existsSync(lockPathFor(dir))).toBe(false);
  });

  it("of two processes starting at once on one folder, exactly one gets it", { timeout: 120_000 }, async () => {
    const dir = freshDir();
    const outcomes = await Promise.allSettled([startHolder(dir), startHolder(dir)]);
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<ChildProcess>).value;
    expect(String(lost[0]!.reason)).toContain(`PID ${winner.pid}`);
  });

  it("takes over a lock whose pid now belongs to another process (pid reuse), and respects a live one", () => {
    const dir = freshDir();
    const file = lockPathFor(dir);
    const real = acquireDataDirLock(dir, "primeiro");
    // The same pid with another start time: the process that wrote it is gone and its pid was reused.
    const stale = { ...real.holder, procStart: "1", nonce: "antiga" };
    writeFileSync(file, JSON.stringify(stale));
    const again = acquireDataDirLock(dir, "segundo");
    expect(JSON.parse(readFileSync(file, "utf8")).command).toBe("segundo");
    // A lock of a live process (this one, as it is) is respected.
    expect(() => acquireDataDirLock(dir, "terceiro")).toThrow(DataDirLockedError);
    again.release();
    real.release(); // not ours any more: leaves nothing behind and removes nothing
    expect(existsSync(file)).toBe(false);
  });
});
