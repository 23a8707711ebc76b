import { beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/logins/status/route";
import { db } from "@/lib/db";
import { MAX_STATUS_EVENTS } from "@/lib/validation/login-status";
import { call } from "../helpers/http";
import { createBearer, createCustomer, loginAs } from "../helpers/factory";

const PATH = "/api/v1/logins/status";
let token: string;
const names: string[] = [];

async function state(username: string) {
  return db.login.findUniqueOrThrow({ where: { username }, select: { online: true, statusChangedAt: true, lastSeenAt: true } });
}

beforeAll(async () => {
  token = (await createBearer("AGENT", "monitoramento")).token;
  for (let i = 0; i < 3; i++) {
    const { login } = await createCustomer({
      login: { online: true, statusChangedAt: new Date("2026-11-23T10:00:00Z"), lastSeenAt: new Date("2026-11-23T10:00:00Z") },
    });
    names.push(login!.username);
  }
});

describe("POST /api/v1/logins/status", () => {
  it("applies a batch once: repeating it changes nothing", async () => {
    const events = [
      { login: names[0], online: false, at: "2026-11-23T12:00:00Z" },
      { login: names[1], online: true, at: "2026-11-23T12:00:00-03:00" },
      { login: "nao.existe", online: false, at: "2026-11-23T12:00:00Z" },
    ];
    const first = await call(POST, PATH, { token, body: { events } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ updated: 1, ignored: 1, unknown: ["nao.existe"] });
    expect(await state(names[0]!)).toEqual({
      online: false, statusChangedAt: new Date("2026-11-23T12:00:00Z"), lastSeenAt: new Date("2026-11-23T12:00:00Z"),
    });
    // Same state, newer time: no flip, but lastSeenAt moves forward.
    expect(await state(names[1]!)).toMatchObject({ online: true, statusChangedAt: new Date("2026-11-23T10:00:00Z"), lastSeenAt: new Date("2026-11-23T15:00:00Z") });

    const before = await db.login.findMany({ orderBy: { id: "asc" }, select: { online: true, statusChangedAt: true, lastSeenAt: true, updatedAt: true } });
    const again = await call(POST, PATH, { token, body: { events } });
    expect(again.body).toEqual({ updated: 0, ignored: 2, unknown: ["nao.existe"] });
    expect(await db.login.findMany({ orderBy: { id: "asc" }, select: { online: true, statusChangedAt: true, lastSeenAt: true, updatedAt: true } })).toEqual(before);
  });

  it("ignores an event older than the login's last change", async () => {
    const res = await call(POST, PATH, { token, body: { events: [{ login: names[0], online: true, at: "2026-11-23T11:59:00Z" }] } });
    expect(res.body).toEqual({ updated: 0, ignored: 1, unknown: [] });
    expect((await state(names[0]!)).online).toBe(false);
  });

  it("keeps the latest event of a login within one batch", async () => {
    const res = await call(POST, PATH, {
      token,
      body: { events: [
        { login: names[2], online: false, at: "2026-11-23T13:05:00Z" },
        { login: names[2], online: false, at: "2026-11-23T13:00:00Z" },
      ] },
    });
    expect(res.body).toEqual({ updated: 1, ignored: 1, unknown: [] });
    expect((await state(names[2]!)).statusChangedAt).toEqual(new Date("2026-11-23T13:05:00Z"));
  });

  it.each([
    { label: "online not a boolean", body: { events: [{ login: "x", online: "sim", at: "2026-11-23T12:00:00Z" }] }, field: "events.0.online" },
    { label: "a date without zone", body: { events: [{ login: "x", online: true, at: "2026-11-23 12:00" }] }, field: "events.0.at" },
    { label: "a missing login", body: { events: [{ online: true, at: "2026-11-23T12:00:00Z" }] }, field: "events.0.login" },
    { label: "no events", body: { events: [] }, field: "events" },
    { label: "too many events", body: { events: Array.from({ length: MAX_STATUS_EVENTS + 1 }, () => ({ login: "x", online: true, at: "2026-11-23T12:00:00Z" })) }, field: "events" },
  ])("refuses $label with 400 naming the field", async ({ body, field }) => {
    const res = await call(POST, PATH, { token, body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it("refuses a body above the size limit with 413", async () => {
    const res = await call(POST, PATH, { token, rawBody: JSON.stringify({ events: [], pad: "x".repeat(1_100_000) }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
  });

  it("accepts an admin's token and refuses a manager's", async () => {
    const admin = (await createBearer("ADMIN", "radius")).token;
    const events = [{ login: names[1], online: true, at: "2026-11-23T16:00:00Z" }];
    expect((await call(POST, PATH, { token: admin, body: { events } })).status).toBe(200);
    const manager = (await loginAs("MANAGER")).cookie;
    expect((await call(POST, PATH, { cookie: manager, body: { events } })).status).toBe(403);
    expect((await call(POST, PATH, { body: { events } })).status).toBe(401);
  });
});
