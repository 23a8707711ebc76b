import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { POST as logout } from "@/app/api/v1/auth/logout/route";
import { GET as me } from "@/app/api/v1/me/route";
import { hashSecret } from "@/lib/auth/hash-secret";
import { principalFromBearer, revokeApiToken } from "@/lib/auth/api-tokens";
import { call } from "../helpers/http";
import { createBearer, createUser, loginAs } from "../helpers/factory";

describe("login with e-mail and password", () => {
  it("refuses a wrong password with a Portuguese message and creates no session", async () => {
    const { user } = await createUser("AGENT");
    const before = await db.session.count();
    const res = await call(login, "/api/v1/auth/login", { body: { email: user.email, password: "errada" } });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe("E-mail ou senha incorretos.");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await db.session.count()).toBe(before);
  });

  it("refuses a malformed body naming the field", async () => {
    const res = await call(login, "/api/v1/auth/login", { body: { email: "não-é-email", password: "x" } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("email");
  });

  it("opens a session whose cookie identifies the user, and logout ends it", async () => {
    const { user, password } = await createUser("MANAGER");
    const res = await call(login, "/api/v1/auth/login", { body: { email: user.email.toUpperCase(), password } });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    expect(res.headers.get("set-cookie")).toContain("HttpOnly");
    // Only the hash is stored.
    const secret = cookie.split("=")[1]!;
    expect(await db.session.count({ where: { tokenHash: secret } })).toBe(0);
    expect(await db.session.count({ where: { tokenHash: hashSecret(secret) } })).toBe(1);

    const who = await call(me, "/api/v1/me", { cookie });
    expect(who.status).toBe(200);
    expect(who.body.principal).toMatchObject({ kind: "user", role: "MANAGER", email: user.email });

    await call(logout, "/api/v1/auth/logout", { method: "POST", cookie });
    expect((await call(me, "/api/v1/me", { cookie })).status).toBe(401);
  });

  it("answers 401 to a request without credentials", async () => {
    const res = await call(me, "/api/v1/me");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("treats an expired session as logged out and deletes it", async () => {
    const { user, cookie } = await loginAs("AGENT");
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await call(me, "/api/v1/me", { cookie });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/expirada/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("API tokens", () => {
  it("authenticates a Bearer token stored only as its hash", async () => {
    const { token, record } = await createBearer("AGENT", "opa-suite");
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: record.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toBe(hashSecret(token));
    const res = await call(me, "/api/v1/me", { token });
    expect(res.status).toBe(200);
    expect(res.body.principal).toMatchObject({ kind: "token", name: "opa-suite", role: "AGENT" });
  });

  it("refuses a revoked token and a wrong one", async () => {
    const { token, record } = await createBearer();
    await revokeApiToken(record.id);
    const revoked = await call(me, "/api/v1/me", { token });
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/revogado/);
    expect((await call(me, "/api/v1/me", { token: `${token}x` })).status).toBe(401);
    expect((await call(me, "/api/v1/me", { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("answers a burst of requests with one token lookup, and a revoked token stops at once", async () => {
    const { token, record } = await createBearer("AGENT", "burst");
    const lookups = vi.spyOn(db.apiToken, "findUnique");
    try {
      const burst = await Promise.all(Array.from({ length: 20 }, () => principalFromBearer(token)));
      expect(burst.every((p) => p?.kind === "token" && p.apiTokenId === record.id)).toBe(true);
      expect(lookups).toHaveBeenCalledTimes(1);
      await revokeApiToken(record.id);
      expect(await principalFromBearer(token)).toBeNull();
      expect((await call(me, "/api/v1/me", { token })).status).toBe(401);
    } finally {
      lookups.mockRestore();
    }
  });

  it("does not let a request that arrives after a revocation ride on a lookup begun before it", async () => {
    const { token, record } = await createBearer("AGENT", "race");
    const read = db.apiToken.findUnique.bind(db.apiToken);
    let rowRead!: () => void;
    let release!: () => void;
    const wasRead = new Promise<void>((r) => (rowRead = r));
    const gate = new Promise<void>((r) => (release = r));
    // The first lookup reads the (still valid) row, then is held until after the revocation.
    const slow = vi.spyOn(db.apiToken, "findUnique").mockImplementationOnce((async (args: Parameters<typeof read>[0]) => {
      const row = await read(args);
      rowRead();
      await gate;
      return row;
    }) as unknown as typeof db.apiToken.findUnique);
    try {
      const early = principalFromBearer(token);
      await wasRead;
      await revokeApiToken(record.id);
      const late = principalFromBearer(token);
      release();
      await early; // under way before the revocation: either answer is acceptable
      expect(await late).toBeNull();
      expect(await principalFromBearer(token)).toBeNull();
    } finally {
      slow.mockRestore();
    }
  });
});
