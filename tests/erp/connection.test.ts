// Settings → Integrações' API: the IXC token is write-only and stored encrypted with RAIO_SECRET_KEY.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET, PUT } from "@/app/api/v1/integrations/erp/route";
import { db } from "@/lib/db";
import { checkErpSecretsAtStartup, loadErpCredentialsOrThrow } from "@/lib/erp/erp-connection";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";

const KEY = randomBytes(32).toString("base64");
const TOKEN = "a1b2c3d4e5f6token-do-webservice";
let admin: string;

beforeAll(async () => {
  admin = (await loginAs("ADMIN")).cookie;
});
afterEach(() => {
  process.env.RAIO_SECRET_KEY = KEY;
});

async function stored(): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: "erp" } });
  return JSON.stringify(row?.value ?? null);
}

describe("/api/v1/integrations/erp", () => {
  it("stores the token encrypted and never answers it back", async () => {
    process.env.RAIO_SECRET_KEY = KEY;
    const res = await call(PUT, "/api/v1/integrations/erp", {
      cookie: admin, method: "PUT",
      body: { baseUrl: "https://ixc.exemplo.com.br", userId: "7", token: TOKEN, allowSelfSigned: true },
    });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(TOKEN);
    expect(res.body.connection).toMatchObject({ baseUrl: "https://ixc.exemplo.com.br", userId: "7", tokenSet: true, allowSelfSigned: true });
    expect(Date.parse(res.body.connection.tokenSetAt)).toBeGreaterThan(Date.now() - 60_000);

    const read = await call(GET, "/api/v1/integrations/erp", { cookie: admin });
    expect(read.text).not.toContain(TOKEN);
    expect(read.body.connection.tokenSet).toBe(true);
    expect(await stored()).not.toContain(TOKEN);
    expect((await loadErpCredentialsOrThrow()).token).toBe(TOKEN);

    // Changing another field keeps the token.
    await call(PUT, "/api/v1/integrations/erp", { cookie: admin, method: "PUT", body: { onlineEverySeconds: 120 } });
    expect((await loadErpCredentialsOrThrow()).token).toBe(TOKEN);
  });

  it("refuses a new token without RAIO_SECRET_KEY (503, nothing saved)", async () => {
    const before = await stored();
    delete process.env.RAIO_SECRET_KEY;
    const res = await call(PUT, "/api/v1/integrations/erp", { cookie: admin, method: "PUT", body: { token: "outro-token-qualquer" } });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/RAIO_SECRET_KEY ausente/);
    expect(await stored()).toBe(before);
  });

  it("names the start-up problem when the key is missing or changed", async () => {
    process.env.RAIO_SECRET_KEY = KEY;
    expect(await checkErpSecretsAtStartup()).toBeNull();
    delete process.env.RAIO_SECRET_KEY;
    expect(await checkErpSecretsAtStartup()).toMatch(/RAIO_SECRET_KEY ausente: a integração com o ERP/);
    process.env.RAIO_SECRET_KEY = randomBytes(32).toString("hex");
    expect(await checkErpSecretsAtStartup()).toMatch(/não abre o segredo guardado/);
    process.env.RAIO_SECRET_KEY = "curta";
    expect(await checkErpSecretsAtStartup()).toMatch(/RAIO_SECRET_KEY inválida/);
    const res = await loadErpCredentialsOrThrow().catch((e: { status: number; message: string }) => e);
    expect(res).toMatchObject({ status: 503 });
  });

  it.each([
    { label: "a user id that is not a number", body: { userId: "admin" }, field: "userId" },
    { label: "an ftp URL", body: { baseUrl: "ftp://ixc.exemplo.com.br" }, field: "baseUrl" },
    { label: "a 5-second online refresh", body: { onlineEverySeconds: 5 }, field: "onlineEverySeconds" },
  ])("refuses $label naming the field", async ({ body, field }) => {
    const res = await call(PUT, "/api/v1/integrations/erp", { cookie: admin, method: "PUT", body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
  });

  it("is for admins only", async () => {
    const agent = (await loginAs("AGENT")).cookie;
    expect((await call(GET, "/api/v1/integrations/erp", { cookie: agent })).status).toBe(403);
  });
});
