// One process per PGlite folder. PGlite is an embedded database: two processes opening the same folder
// (the app and `npm run import`, `token`, `user`, `seed`, `db:migrate`, or a second `npm run dev`) each run
// their own PostgreSQL over the same files — the second one's writes are never seen by the first and the
// folder can be corrupted. So the folder is locked by a file beside it, `<folder>.lock`, holding who owns it:
//
//   { pid, command, startedAt, host, procStart, nonce }
//
// - created atomically (open with O_EXCL): of two processes starting at once, exactly one wins;
// - a second process stops at once with DataDirLockedError, whose Portuguese message names the holder (pid,
//   command, since when) and what to do;
// - a lock left by a process that no longer runs (kill -9, power cut) is stale and taken over: its pid is
//   gone, or the pid now belongs to another process (Linux: the start time in /proc differs). The stale file
//   is first renamed to a unique name and re-read, so two processes recovering it at once cannot both win;
// - released (the file removed, only if it is still ours) when the database is closed and at process exit.
// A lock written on another host (a shared network folder) cannot be checked and is always respected.
import { closeSync, existsSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { formatDateTime } from "../format/date-time";
import { timeZoneLabel } from "../format/time-zone";

export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
  host: string;
  /** Linux: the process's start time in clock ticks since boot (/proc/<pid>/stat field 22), against pid reuse. */
  procStart: string | null;
  nonce: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(lockedMessage(dataDir, holder));
    this.name = "DataDirLockedError";
  }
}

/** Attempts at creating the lock file (each stale takeover costs one). */
const MAX_ATTEMPTS = 5;

export function lockPathFor(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/** What this process is, in words a person recognises: "npm run import", "next start --port 3000"… */
export function describeCommand(argv = process.argv, env = process.env): string {
  const args = argv.slice(1).map((a) => (path.isAbsolute(a) && a.startsWith(process.cwd()) ? path.relative(process.cwd(), a) : a));
  const script = args.join(" ").replace(/node_modules\/next\/dist\/bin\/next/, "next");
  return env.npm_lifecycle_event ? `npm run ${env.npm_lifecycle_event} (${script})` : script;
}

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null; // field 22 overall
  } catch {
    return null;
  }
}

function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true; // cannot check another machine's processes
  if (holder.pid === process.pid) return holder.procStart === processStart(process.pid);
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ESRCH") return false;
    // EPERM: the process exists (another user's).
  }
  const start = processStart(holder.pid);
  return holder.procStart === null || start === null || start === holder.procStart;
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    return typeof h.pid === "number" && typeof h.nonce === "string" ? h : null;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  path: string;
  holder: LockHolder;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/** Takes the lock of a PGlite folder or throws DataDirLockedError naming its holder. */
export function acquireDataDirLock(dataDir: string, command = describeCommand()): DataDirLock {
  const file = lockPathFor(dataDir);
  const me: LockHolder = {
    pid: process.pid, command, startedAt: new Date().toISOString(), host: hostname(), procStart: processStart(process.pid), nonce: randomUUID(),
  };
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o644);
      try {
        writeSync(fd, JSON.stringify(me, null, 2) + "\n");
      } finally {
        closeSync(fd);
      }
      return makeLock(file, me);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const holder = readHolder(file);
    if (holder === null) {
      // Being written right now (or garbage): give the writer a moment, then judge again.
      if (attempt < MAX_ATTEMPTS - 1) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
      throw new Error(`Arquivo de trava ilegível em ${file}: se nenhum processo usa o banco, apague-o e tente de novo.`);
    }
    if (isRunning(holder)) throw new DataDirLockedError(dataDir, holder);
    // Stale: move it aside under a unique name, and delete it only if what was moved is what was judged.
    const aside = `${file}.stale-${process.pid}-${randomUUID()}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // someone else moved it first
    }
    const moved = readHolder(aside);
    if (moved?.nonce === holder.nonce) {
      unlinkSync(aside);
      console.warn(`[raio] Trava antiga de ${file} removida: o processo ${holder.pid} (${holder.command}) não está mais rodando.`);
    } else {
      // A live lock was created between the read and the rename: put it back and report its owner.
      renameSync(aside, file);
      if (moved) throw new DataDirLockedError(dataDir, moved);
    }
  }
  throw new Error(`Não foi possível travar ${file} depois de ${MAX_ATTEMPTS} tentativas.`);
}

function makeLock(file: string, me: LockHolder): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener("exit", release);
    if (readHolder(file)?.nonce === me.nonce) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  };
  // process.exit() skips the asynchronous close: the lock still goes.
  process.on("exit", release);
  return { path: file, holder: me, release };
}

function lockedMessage(dataDir: string, holder: LockHolder): string {
  const since = new Date(holder.startedAt);
  const when = Number.isNaN(since.getTime()) ? holder.startedAt : `${formatDateTime(since)} (${timeZoneLabel()})`;
  const where = holder.host === hostname() ? "" : ` na máquina ${holder.host}`;
  return [
    `O banco embutido (PGlite) em ${path.resolve(dataDir)} já está em uso por outro processo${where}:`,
    `  PID ${holder.pid} — ${holder.command} — desde ${when}.`,
    "Dois processos no mesmo banco PGlite podem corrompê-lo, e o servidor em execução não veria as mudanças deste comando.",
    "O que fazer:",
    `  • pare o servidor (Ctrl+C no terminal dele, ou kill ${holder.pid}) e rode este comando de novo; ou`,
    "  • com o servidor no ar, faça a mesma tarefa por ele: tokens e usuários em Configurações, dados pela API (/api/v1); ou",
    "  • use um PostgreSQL (DATABASE_URL), que aceita vários processos ao mesmo tempo.",
    `(Trava: ${lockPathFor(dataDir)}${existsSync(lockPathFor(dataDir)) ? "" : ", já removida"}.)`,
  ].join("\n");
}
