// The routes behind Settings → Integrações: Testar conexão, Sincronizar agora and the sync history.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as testConnection } from "@/app/api/v1/integrations/erp/test/route";
import { POST as syncNow } from "@/app/api/v1/integrations/erp/sync/route";
import { GET as listRuns } from "@/app/api/v1/integrations/erp/runs/route";
import { PUT as saveConnection } from "@/app/api/v1/integrations/erp/route";
import { getQueue, stopQueue } from "@/lib/queue/queue";
import { IxcConnector } from "@/lib/erp/ixc/ixc-connector";
import { runSync } from "@/lib/erp/sync/run-sync";
import { SYNC_QUEUE } from "@/lib/erp/sync/sync-queue";
import { startFakeIxc, type FakeIxc } from "../fakes/ixc-server";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";

let fake: FakeIxc;
let admin: string;

beforeAll(async () => {
  process.env.RAIO_SECRET_KEY = randomBytes(32).toString("hex");
  fake = await startFakeIxc({ customers: 12 });
  admin = (await loginAs("ADMIN")).cookie;
});
afterAll(async () => {
  await stopQueue();
  await fake.close();
});

describe("Settings → Integrações routes", () => {
  it("refuses to test or sync before a connection is saved (503 naming what is missing)", async () => {
    const res = await call(testConnection, "/api/v1/integrations/erp/test", { cookie: admin, method: "POST" });
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/não configurada/);
  });

  it("tests the connection with one call and shows IXC's answer, or its error", async () => {
    const saved = await call(saveConnection, "/api/v1/integrations/erp", { cookie: admin, method: "PUT", body: { baseUrl: fake.url, userId: fake.userId, token: fake.token } });
    expect(saved.status).toBe(200);
    fake.resetStats();
    const ok = await call(testConnection, "/api/v1/integrations/erp/test", { cookie: admin, method: "POST" });
    expect(ok.body).toEqual({ ok: true, message: "Conexão com o IXC funcionando: 12 clientes.", customers: 12 });
    expect(fake.requests).toHaveLength(1);

    fake.inject("html200");
    const bad = await call(testConnection, "/api/v1/integrations/erp/test", { cookie: admin, method: "POST" });
    expect(bad.status).toBe(503);
    expect(bad.body.error.message).toMatch(/página HTML \("Erro interno - IXC Provedor"\)/);
  });

  it("queues a sync once (singleton) and refuses a bad body", async () => {
    const first = await call(syncNow, "/api/v1/integrations/erp/sync", { cookie: admin, method: "POST", body: { full: true } });
    expect(first.status).toBe(202);
    expect(first.body.jobId).toEqual(expect.any(String));
    const job = await (await getQueue()).getJobById(SYNC_QUEUE.name, first.body.jobId);
    expect(job?.data).toEqual({ kind: "FULL" });
    const bad = await call(syncNow, "/api/v1/integrations/erp/sync", { cookie: admin, method: "POST", body: { full: "sim" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("full");
  });

  it("lists the history with progress, skipped rows and the last success", async () => {
    fake.upsert("cliente", { ...fake.data.cliente![1]!, cnpj_cpf: "111.111.111-11" });
    const connector = new IxcConnector({ baseUrl: fake.url, userId: fake.userId, token: fake.token });
    await runSync(connector, { kind: "FULL" });
    connector.close();
    const res = await call(listRuns, "/api/v1/integrations/erp/runs", { cookie: admin });
    expect(res.status).toBe(200);
    const [run] = res.body.runs;
    expect(run).toMatchObject({ kind: "FULL", status: "SUCCEEDED", percent: 100, skipped: 1 + 1 + 1 + 2, etaSeconds: null });
    expect(run.issues[0]).toMatchObject({ table: "customers", externalId: "2", field: "document" });
    expect(run.tables.map((t: { table: string }) => t.table)).toEqual(["customers", "contracts", "logins", "invoices"]);
    expect(res.body.lastSuccess).toMatchObject({ id: run.id, kind: "FULL" });
  });

  it("is for admins only", async () => {
    const agent = (await loginAs("AGENT")).cookie;
    expect((await call(listRuns, "/api/v1/integrations/erp/runs", { cookie: agent })).status).toBe(403);
  });
});
