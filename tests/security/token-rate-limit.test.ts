// Issue 11 item 3 (API side): no per-token limit existed. Each token now has a per-minute budget (per server
// process, lib/auth/token-rate-limit.ts); past it the API answers 429 with Retry-After.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { GET as me } from "@/app/api/v1/me/route";
import { resetTokenBuckets } from "@/lib/auth/token-rate-limit";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/tokens/route";
import { DELETE as revokeToken, PATCH as updateToken } from "@/app/api/v1/tokens/[id]/route";
import { db } from "@/lib/db";
import { call } from "../helpers/http";
import { createBearer, loginAs } from "../helpers/factory";

afterEach(() => {
  delete process.env.RAIO_API_RATE_LIMIT_PER_MIN;
  resetEnvCache();
  resetTokenBuckets();
});

describe("per-token API rate limit", () => {
  it("answers 429 with Retry-After once a token passes its per-minute limit; other tokens go on", async () => {
    process.env.RAIO_API_RATE_LIMIT_PER_MIN = "5";
    resetEnvCache();
    const { token } = await createBearer("AGENT", "chatbot apressado");
    const { token: other } = await createBearer("AGENT", "outro");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(me, "/api/v1/me", { token })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await call(me, "/api/v1/me", { token });
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await call(me, "/api/v1/me", { token: other })).status).toBe(200);
  });
});

describe("a token's own limit (Configurações → Tokens de API)", () => {
  it("is set at creation, wins over the server's default, and can be changed (null = default, 0 = none) from the next request", async () => {
    process.env.RAIO_API_RATE_LIMIT_PER_MIN = "2";
    resetEnvCache();
    const admin = await loginAs("ADMIN");
    const created = await call(createToken, "/api/v1/tokens", { cookie: admin.cookie, body: { name: "chatbot da queda", rateLimitPerMin: 4 } });
    expect(created.status).toBe(201);
    expect(created.body.record.rateLimitPerMin).toBe(4);
    const token = created.body.token as string;
    const id = String(created.body.record.id);
    const run = async (n: number) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await call(me, "/api/v1/me", { token })).status);
      return out;
    };
    // Its own 4 per minute, not the server's 2.
    expect(await run(5)).toEqual([200, 200, 200, 200, 429]);
    expect((await call(me, "/api/v1/me", { token })).body.error.message).toContain("Limite de 4 requisições por minuto");

    // 0: no limit at all, at once (the token's cached row is dropped).
    const lifted = await call(updateToken, `/api/v1/tokens/${id}`, { cookie: admin.cookie, method: "PATCH", body: { rateLimitPerMin: 0 }, params: { id } });
    expect(lifted.status).toBe(200);
    expect(lifted.body).toEqual({ id: Number(id), rateLimitPerMin: 0 });
    expect(await run(20)).toEqual(Array(20).fill(200));

    // null: back to the server's default of 2 (a fresh bucket, so the count starts over).
    const reset = await call(updateToken, `/api/v1/tokens/${id}`, { cookie: admin.cookie, method: "PATCH", body: { rateLimitPerMin: null }, params: { id } });
    expect(reset.status).toBe(200);
    resetTokenBuckets();
    expect(await run(3)).toEqual([200, 200, 429]);

    const audit = await db.auditLog.findMany({ where: { entityType: "ApiToken", entityId: id, action: "token.rate-limit" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.data)).toEqual([{ from: 4, to: 0 }, { from: 0, to: null }]);
    const list = await call(listTokens, "/api/v1/tokens", { cookie: admin.cookie });
    expect(list.body.tokens.find((t: { id: number }) => t.id === Number(id)).rateLimitPerMin).toBeNull();
  });

  it("refuses a bad limit naming the field, changes nothing, and answers 404 / 409 for a missing or revoked token", async () => {
    const admin = await loginAs("ADMIN");
    const { record } = await createBearer("AGENT", "com limite");
    const id = String(record.id);
    for (const bad of [-1, 1.5, "100", 1_000_001]) {
      const r = await call(updateToken, `/api/v1/tokens/${id}`, { cookie: admin.cookie, method: "PATCH", body: { rateLimitPerMin: bad }, params: { id } });
      expect(r.status, String(bad)).toBe(400);
      expect(r.body.error.field).toBe("rateLimitPerMin");
      expect(r.body.error.message).toMatch(/requisições|limite/);
    }
    const missingKey = await call(updateToken, `/api/v1/tokens/${id}`, { cookie: admin.cookie, method: "PATCH", body: {}, params: { id } });
    expect([missingKey.status, missingKey.body.error.field]).toEqual([400, "rateLimitPerMin"]);
    const badCreate = await call(createToken, "/api/v1/tokens", { cookie: admin.cookie, body: { name: "limite ruim", rateLimitPerMin: -5 } });
    expect([badCreate.status, badCreate.body.error.field]).toEqual([400, "rateLimitPerMin"]);
    expect(await db.apiToken.count({ where: { name: "limite ruim" } })).toBe(0);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).rateLimitPerMin).toBeNull();

    const missing = await call(updateToken, "/api/v1/tokens/99999999", { cookie: admin.cookie, method: "PATCH", body: { rateLimitPerMin: 10 }, params: { id: "99999999" } });
    expect(missing.status).toBe(404);
    await call(revokeToken, `/api/v1/tokens/${id}`, { cookie: admin.cookie, method: "DELETE", params: { id } });
    const revoked = await call(updateToken, `/api/v1/tokens/${id}`, { cookie: admin.cookie, method: "PATCH", body: { rateLimitPerMin: 10 }, params: { id } });
    expect(revoked.status).toBe(409);
  });

  it("cannot be changed with an API token, not even an administrator's", async () => {
    const { token } = await createBearer("ADMIN", "token de admin");
    const { record } = await createBearer("AGENT", "alvo");
    const id = String(record.id);
    const r = await call(updateToken, `/api/v1/tokens/${id}`, { token, method: "PATCH", body: { rateLimitPerMin: 0 }, params: { id } });
    expect(r.status).toBe(403);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).rateLimitPerMin).toBeNull();
  });
});
