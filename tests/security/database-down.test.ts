// Issue 11 item 6: with PostgreSQL stopped every request failed fast with 500 INTERNAL. It is now a 503 with
// a Portuguese message and Retry-After, a readiness endpoint says whether the database answers, and the app
// recovers by itself when the database is back. On PostgreSQL this test runs its own cluster, which it stops
// and starts; on PGlite it checks readiness and the error mapping.
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getBackend } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/migrate";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as live } from "@/app/api/v1/health/route";
import { GET as ready } from "@/app/api/v1/health/ready/route";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { toErrorBody } from "@/lib/errors";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";

const PGBIN = process.env.PGBIN ?? "/usr/lib/postgresql/15/bin";
const onPostgres = process.env.RAIO_TEST_BACKEND === "postgresql" && existsSync(path.join(PGBIN, "pg_ctl"));

describe("error mapping", () => {
  it.each([
    ["Prisma P1001 (server not reachable)", { code: "P1001", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } }],
    ["raw driver ECONNREFUSED", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["server shutting down (57P01)", { code: "57P01", message: "terminating connection due to administrator command" }],
    ["connection closed mid-query", { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } }],
  ])("%s → 503 with Retry-After and a Portuguese message", (_label, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    const { status, body, headers } = toErrorBody(err);
    expect(status).toBe(503);
    expect(body.error.code).toBe("UNAVAILABLE");
    expect(body.error.message).toMatch(/Banco de dados indisponível/);
    expect(Number(headers?.["retry-after"])).toBeGreaterThan(0);
  });

  it("a query error is not taken for an outage", () => {
    expect(isDatabaseUnavailable({ code: "P2002" })).toBe(false);
    expect(isDatabaseUnavailable(new Error("syntax error at or near"))).toBe(false);
  });
});

describe("health endpoints", () => {
  it("liveness answers without the database; readiness says the database answers", async () => {
    expect((await call(live, "/api/v1/health")).body).toEqual({ status: "ok" });
    const res = await call(ready, "/api/v1/health/ready");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "pronto", database: { ok: true } });
  });
});

describe.runIf(onPostgres)("a real PostgreSQL that stops and starts again", () => {
  let dir = "";
  let port = 0;
  let previousUrl: string | undefined;
  const asPostgres = (cmd: string, args: string[]) => {
    const root = process.getuid?.() === 0;
    execFileSync(root ? "runuser" : cmd, root ? ["-u", "postgres", "--", cmd, ...args] : args, { stdio: "pipe" });
  };
  const pgCtl = (action: "start" | "stop") =>
    asPostgres(path.join(PGBIN, "pg_ctl"), [
      "-D", dir, "-l", path.join(dir, "log"), "-w", "-m", "fast",
      "-o", `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`, action,
    ]);

  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, "127.0.0.1", () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    dir = mkdtempSync(path.join(tmpdir(), "raio-pg-down-"));
    chmodSync(dir, 0o777);
    if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
    asPostgres(path.join(PGBIN, "initdb"), ["-D", dir, "-U", "app", "--auth=trust", "-E", "UTF8", "--no-locale"]);
    pgCtl("start");
    await closeDb();
    previousUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgresql://app@127.0.0.1:${port}/postgres`;
    resetEnvCache();
    await migrateDatabase(getBackend());
  }, 120_000);

  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = previousUrl;
    resetEnvCache();
    try {
      pgCtl("stop");
    } catch {
      // already stopped
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 503 + Retry-After while it is down, and recovers by itself when it is back", async () => {
    const { cookie } = await loginAs("AGENT");
    expect((await call(me, "/api/v1/me", { cookie })).status).toBe(200);

    pgCtl("stop");
    const down = await call(me, "/api/v1/me", { cookie });
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({ code: "UNAVAILABLE" });
    expect(down.body.error.message).toMatch(/indisponível/);
    expect(Number(down.headers.get("retry-after"))).toBeGreaterThan(0);
    const notReady = await call(ready, "/api/v1/health/ready");
    expect(notReady.status).toBe(503);
    expect(notReady.body.status).toBe("indisponível");
    expect((await call(live, "/api/v1/health")).status).toBe(200);

    pgCtl("start");
    expect((await call(ready, "/api/v1/health/ready")).status).toBe(200);
    expect((await call(me, "/api/v1/me", { cookie })).status).toBe(200);
  });
});
