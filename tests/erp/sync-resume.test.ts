// A full sync killed halfway (SIGKILL of the process running it) resumes when run again, and ends with the
// same database as a sync that was never interrupted.
import { spawn, execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IxcConnector } from "@/lib/erp/ixc/ixc-connector";
import { runSync } from "@/lib/erp/sync/run-sync";
import { startFakeIxc, type FakeIxc } from "../fakes/ixc-server";
import { resetErpTables, snapshotErpTables } from "../helpers/erp-sync";

const run = promisify(execFile);
const CHILD = path.join(import.meta.dirname, "sync-child.ts");
/** Pages printed before the kill: well inside the run (customers and contracts span 6 pages each). */
const KILL_AFTER_PAGES = 8;

let fake: FakeIxc;
let dataDir: string | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  fake = await startFakeIxc({ customers: 60 });
  env = { ...process.env, RAIO_SECRET_KEY: randomBytes(32).toString("base64"), RAIO_IXC_PAGE_SIZE: "10" };
  if (!process.env.DATABASE_URL) {
    dataDir = mkdtempSync(path.join(tmpdir(), "raio-sync-kill-"));
    env.RAIO_DATA_DIR = path.join(dataDir, "pglite");
  }
});
afterAll(async () => {
  await fake.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function child(args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", CHILD, ...args], { env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim().split("\n").pop()!;
}

describe("a sync killed with SIGKILL", () => {
  it("resumes on restart and ends with the same database", { timeout: 300_000 }, async () => {
    // The reference: one uninterrupted sync of the same data.
    const connector = new IxcConnector({ baseUrl: fake.url, userId: fake.userId, token: fake.token, pageSize: 10 });
    await runSync(connector, { kind: "FULL" });
    connector.close();
    const reference = await snapshotErpTables();
    await resetErpTables();

    await child(["setup", fake.url, fake.userId, fake.token]);
    fake.faults.pageDelayMs = 40;
    const victim = spawn(process.execPath, ["--import", "tsx", CHILD, "sync"], { env, stdio: ["ignore", "pipe", "inherit"] });
    let pages = 0;
    const exited = new Promise<NodeJS.Signals | null>((resolve) => victim.on("exit", (_code, signal) => resolve(signal)));
    for await (const line of createInterface({ input: victim.stdout })) {
      if (line.startsWith('{"page"') && ++pages === KILL_AFTER_PAGES) {
        victim.kill("SIGKILL");
        break;
      }
      if (line.startsWith('{"outcome"')) break;
    }
    expect(await exited).toBe("SIGKILL");
    fake.faults.pageDelayMs = 0;

    const resumed = JSON.parse(await child(["sync"])).outcome;
    expect(resumed).toMatchObject({ resumed: true, kind: "FULL", skipped: 0 });
    const after = JSON.parse(await child(["snapshot"])).snapshot;
    for (const table of Object.keys(reference)) expect.soft(after[table], table).toEqual(reference[table]);
  });
});
