// Issue 11 item 12: the token routes answered 401 "Cabeçalho Authorization inválido" to every Bearer token
// (an admin's included), and GET /api/v1/settings was readable by agent and manager tokens although the
// README says admin only. Decided: token management is for an admin's browser session (a token gets a clear
// 403); settings are admin-only for reading too.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/tokens/route";
import { DELETE as revokeToken } from "@/app/api/v1/tokens/[id]/route";
import { GET as settings } from "@/app/api/v1/settings/route";
import { call } from "../helpers/http";
import { createBearer, loginAs } from "../helpers/factory";

describe("token routes", () => {
  it("answer an admin token 403 with the reason (not 401 'Authorization inválido'), creating nothing", async () => {
    const { token, record } = await createBearer("ADMIN", "admin token");
    const before = await db.apiToken.count();
    for (const res of [
      await call(listTokens, "/api/v1/tokens", { token }),
      await call(createToken, "/api/v1/tokens", { token, body: { name: "criado por token" } }),
      await call(revokeToken, `/api/v1/tokens/${record.id}`, { token, method: "DELETE", params: { id: String(record.id) } }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.error.message).toMatch(/não aceita tokens de API/);
    }
    expect(await db.apiToken.count()).toBe(before);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: record.id } })).revokedAt).toBeNull();
  });

  it("still answer a wrong token 401", async () => {
    expect((await call(listTokens, "/api/v1/tokens", { token: "raio_nao-existe" })).status).toBe(401);
  });

  it("serve an admin session", async () => {
    const admin = await loginAs("ADMIN");
    expect((await call(listTokens, "/api/v1/tokens", { cookie: admin.cookie })).status).toBe(200);
  });
});

describe("GET /api/v1/settings", () => {
  it("is admin-only, as the README says", async () => {
    for (const role of ["AGENT", "MANAGER"] as const) {
      const { token } = await createBearer(role);
      expect((await call(settings, "/api/v1/settings", { token })).status).toBe(403);
      expect((await call(settings, "/api/v1/settings", { cookie: (await loginAs(role)).cookie })).status).toBe(403);
    }
    const { token } = await createBearer("ADMIN");
    const ok = await call(settings, "/api/v1/settings", { token });
    expect(ok.status).toBe(200);
    expect(ok.body.settings).toHaveProperty("trustUnlockDays");
  });
});
