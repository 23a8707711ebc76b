// A webhook delivery outlives the process that fired it: its retry is a job in the database, not a timer
// in memory. One child process fires the delivery, sees the first attempt fail and is killed (SIGKILL);
// a second process (a restarted app) delivers the retry.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";
import { startReceiver, type Receiver } from "../helpers/webhooks";

const run = promisify(execFile);
const CHILD = path.join(import.meta.dirname, "restart-child.ts");
const SECRET = "0123456789abcdef0123456789abcdef";

let receiver: Receiver;
let dataDir: string | undefined;
let childEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  receiver = await startReceiver();
  if (process.env.DATABASE_URL) {
    childEnv = { ...process.env }; // the same PostgreSQL test database
  } else {
    // The children share a PGlite folder (this process's database is in memory and cannot be shared).
    dataDir = mkdtempSync(path.join(tmpdir(), "raio-restart-"));
    childEnv = { ...process.env, RAIO_DATA_DIR: path.join(dataDir, "pglite") };
  }
});

afterAll(async () => {
  await receiver?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function child(args: string[]): Promise<{ stdout: string; code: number | null; signal: string | null }> {
  try {
    const { stdout } = await run(process.execPath, ["--import", "tsx", CHILD, ...args], { env: childEnv, timeout: 60_000 });
    return { stdout, code: 0, signal: null };
  } catch (err) {
    const e = err as { stdout: string; code: number | null; signal: string | null; stderr: string };
    if (e.signal !== "SIGKILL") throw new Error(`filho falhou (${e.code}): ${e.stderr}`);
    return { stdout: e.stdout, code: e.code, signal: e.signal };
  }
}

describe("webhook delivery across a restart", () => {
  it("is retried by the next process after the one that fired it was killed", async () => {
    receiver.script.push(500); // the first attempt fails; the retry would be a timer in the old design

    const first = await child(["enqueue", receiver.url]);
    expect(first.signal).toBe("SIGKILL");
    const { deliveryId } = JSON.parse(first.stdout.trim().split("\n").pop()!);
    expect(receiver.received).toHaveLength(1);

    const second = await child(["resume", deliveryId]);
    expect(second.code).toBe(0);

    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received;
    expect(a!.headers["x-raio-delivery"]).toBe(deliveryId);
    expect(b!.headers["x-raio-delivery"]).toBe(deliveryId);
    expect([a!.headers["x-raio-attempt"], b!.headers["x-raio-attempt"]]).toEqual(["1", "2"]);
    expect(b!.body).toBe(a!.body);
    expect(verifyWebhookSignature(SECRET, b!.body, b!.headers["x-raio-signature"] as string)).toBe(true);
    // The attempt log, as the restarted process sees it.
    expect(JSON.parse(second.stdout.trim().split("\n").pop()!).log).toEqual([[1, 500, false], [2, 200, true]]);
  });
});
