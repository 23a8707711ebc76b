// A timestamp in the future must not poison the status feed (issue: `at: 2030-01-01` was accepted, and
// every real event afterwards was ignored as older, so the login stayed offline until 2030).
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/logins/status/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { call } from "../helpers/http";
import { createBearer, createCustomer } from "../helpers/factory";

const PATH = "/api/v1/logins/status";
const S = 1000;
let token: string;

async function newLogin(online = true, changedAt = new Date(Date.now() - 3_600_000)) {
  const { login } = await createCustomer({ login: { online, statusChangedAt: changedAt, lastSeenAt: changedAt } });
  return login!.username;
}
const state = (username: string) => db.login.findUniqueOrThrow({ where: { username }, select: { online: true, statusChangedAt: true, lastSeenAt: true } });

beforeAll(async () => {
  token = (await createBearer("AGENT", "radius")).token;
});
afterEach(() => {
  delete process.env.RAIO_STATUS_MAX_SKEW_SECONDS;
  resetEnvCache();
});

describe("the status feed refuses events from the future", () => {
  it("refuses a batch holding an event dated 2030-01-01 with 400 naming the event and field, and writes none of it", async () => {
    const a = await newLogin(true);
    const b = await newLogin(true);
    const before = [await state(a), await state(b)];
    const res = await call(POST, PATH, {
      token,
      body: { events: [
        { login: a, online: false, at: new Date(Date.now() - 60 * S).toISOString() },
        { login: b, online: false, at: "2030-01-01T00:00:00Z" },
      ] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("events.1.at");
    expect(res.body.error.message).toMatch(/índice 1 \(login "[^"]+"\).*2030-01-01T00:00:00\.000Z.*à frente do relógio do servidor.*300 s.*RAIO_STATUS_MAX_SKEW_SECONDS/);
    expect([await state(a), await state(b)]).toEqual(before);
  });

  it("accepts a clock a little ahead (within the default 300 s) and refuses one beyond it", async () => {
    const a = await newLogin(true);
    const ok = await call(POST, PATH, { token, body: { events: [{ login: a, online: false, at: new Date(Date.now() + 200 * S).toISOString() }] } });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.updated).toBe(1);
    const late = await call(POST, PATH, { token, body: { events: [{ login: a, online: true, at: new Date(Date.now() + 400 * S).toISOString() }] } });
    expect(late.status).toBe(400);
    expect(late.body.error.field).toBe("events.0.at");
  });

  it("takes the tolerance from RAIO_STATUS_MAX_SKEW_SECONDS", async () => {
    const a = await newLogin(true);
    process.env.RAIO_STATUS_MAX_SKEW_SECONDS = "3600";
    resetEnvCache();
    const ok = await call(POST, PATH, { token, body: { events: [{ login: a, online: false, at: new Date(Date.now() + 1800 * S).toISOString() }] } });
    expect(ok.status, ok.text).toBe(200);
    process.env.RAIO_STATUS_MAX_SKEW_SECONDS = "0";
    resetEnvCache();
    const refused = await call(POST, PATH, { token, body: { events: [{ login: a, online: true, at: new Date(Date.now() + 5 * S).toISOString() }] } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/tolerância é de 0 s/);
  });
});

describe("a login already poisoned by a future timestamp is repaired by the next real event", () => {
  it("a real 'online' event flips a login stored offline 'since 2030'", async () => {
    const future = new Date("2030-01-01T00:00:00Z");
    const a = await newLogin(false, future);
    const at = new Date(Date.now() - 5 * S);
    const res = await call(POST, PATH, { token, body: { events: [{ login: a, online: true, at: at.toISOString() }] } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ updated: 1, ignored: 0, unknown: [] });
    expect(await state(a)).toEqual({ online: true, statusChangedAt: at, lastSeenAt: at });
  });

  it("a real event in the same state replaces the future times instead of being ignored", async () => {
    const future = new Date("2030-01-01T00:00:00Z");
    const a = await newLogin(false, future);
    const at = new Date(Date.now() - 5 * S);
    const res = await call(POST, PATH, { token, body: { events: [{ login: a, online: false, at: at.toISOString() }] } });
    expect(res.status).toBe(200);
    expect(await state(a)).toEqual({ online: false, statusChangedAt: at, lastSeenAt: at });
    // From then on the ordinary rule holds: an older event is ignored.
    const older = await call(POST, PATH, { token, body: { events: [{ login: a, online: true, at: new Date(at.getTime() - 60 * S).toISOString() }] } });
    expect(older.body).toEqual({ updated: 0, ignored: 1, unknown: [] });
  });
});
