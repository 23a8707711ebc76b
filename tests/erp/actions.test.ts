// Actions for customers from IXC happen in IXC first: trust unlock through desbloqueio_confianca (Raio records
// it only when IXC confirms; IXC's refusals map onto Raio's 404/409 messages) and the invoice copy as IXC
// issues it (payable line, PIX, PDF).
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as trustUnlock } from "@/app/api/v1/contracts/[id]/trust-unlock/route";
import { GET as invoiceCopy } from "@/app/api/v1/contracts/[id]/invoice/route";
import { db } from "@/lib/db";
import { ALREADY_ACTIVE_REASON, NOT_ELIGIBLE_REASON } from "@/lib/diagnostics/decide-trust-unlock";
import { saveErpConnection } from "@/lib/erp/erp-connection";
import { IxcConnector } from "@/lib/erp/ixc/ixc-connector";
import { runSync } from "@/lib/erp/sync/run-sync";
import { startFakeIxc, type FakeIxc } from "../fakes/ixc-server";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";

let fake: FakeIxc;
let agent: string;

beforeAll(async () => {
  process.env.RAIO_SECRET_KEY = randomBytes(32).toString("base64");
  fake = await startFakeIxc({ customers: 60 });
  const connector = new IxcConnector({ baseUrl: fake.url, userId: fake.userId, token: fake.token });
  await runSync(connector, { kind: "FULL" });
  connector.close();
  await saveErpConnection({ baseUrl: fake.url, userId: fake.userId, token: fake.token }, null);
  agent = (await loginAs("AGENT")).cookie;
});
afterAll(async () => {
  await fake.close();
});

async function contractOf(externalId: string) {
  return db.contract.findUniqueOrThrow({ where: { externalId }, select: { id: true, accessStatus: true, _count: { select: { trustUnlocks: true } } } });
}
function unlock(id: number) {
  return call(trustUnlock, `/api/v1/contracts/${id}/trust-unlock`, { method: "POST", cookie: agent, params: { id: String(id) } });
}

describe("trust unlock of a contract from IXC", () => {
  it("unlocks in IXC first, then records it in Raio", async () => {
    const before = await contractOf("17");
    expect(before.accessStatus).toBe("BLOQUEADO");
    const res = await unlock(before.id);
    expect(res.status).toBe(200);
    expect(fake.requests.some((r) => r.table === "desbloqueio_confianca" && String(r.body.id) === "17")).toBe(true);
    expect(fake.data.cliente_contrato![16]!.status_internet).toBe("A");
    const after = await contractOf("17");
    expect(after).toMatchObject({ accessStatus: "ATIVO", _count: { trustUnlocks: 1 } });
  });

  it("maps IXC's 107 (already unlocked) to the 409 Raio gives, recording nothing", async () => {
    const c = await contractOf("17");
    const res = await unlock(c.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(ALREADY_ACTIVE_REASON);
    expect((await contractOf("17"))._count.trustUnlocks).toBe(1);
  });

  it("follows IXC's 109 (not allowed) even when Raio's copy would allow it", async () => {
    fake.upsert("cliente_contrato", { ...fake.data.cliente_contrato![33]!, desbloqueio_confianca: "N" });
    const c = await contractOf("34");
    expect(c.accessStatus).toBe("FINANCEIRO_EM_ATRASO");
    const res = await unlock(c.id);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ message: NOT_ELIGIBLE_REASON, details: { reason: "NOT_ELIGIBLE", erpCode: "109" } });
    expect(await contractOf("34")).toMatchObject({ accessStatus: "FINANCEIRO_EM_ATRASO", _count: { trustUnlocks: 0 } });
  });

  it("maps IXC's 106 (no such contract) to 404", async () => {
    const removed = fake.data.cliente_contrato!.splice(50, 1)[0]!;
    try {
      const c = await contractOf(removed.id!);
      const res = await unlock(c.id);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toMatch(/não encontrado no ERP/);
      expect((await contractOf(removed.id!))._count.trustUnlocks).toBe(0);
    } finally {
      fake.data.cliente_contrato!.splice(50, 0, removed);
    }
  });

  it("answers 503 and changes nothing when IXC refuses the token", async () => {
    const c = await contractOf("51");
    fake.inject("refuse-token");
    const res = await unlock(c.id);
    expect(res.status).toBe(503);
    expect(res.body.error.message).toMatch(/ERP indisponível: o IXC recusou o usuário\/token/);
    expect(await contractOf("51")).toMatchObject({ accessStatus: "BLOQUEADO", _count: { trustUnlocks: 0 } });
  });
});

describe("invoice copy of a contract from IXC", () => {
  it("returns IXC's payable line, PIX and PDF", async () => {
    const c = await contractOf("51");
    const res = await call(invoiceCopy, `/api/v1/contracts/${c.id}/invoice`, { cookie: agent, params: { id: String(c.id) } });
    expect(res.status).toBe(200);
    const ixc = fake.data.fn_areceber!.find((r) => r.id_contrato === "51" && r.status === "A")!;
    expect(res.body.invoice).toMatchObject({ source: "erp", digitableLine: ixc.linha_digitavel, pixTxid: ixc.pix_txid });
    expect(Buffer.from(res.body.invoice.pdfBase64, "base64").toString()).toMatch(/^%PDF-/);
    expect(fake.requests.some((r) => r.table === "get_boleto" && String(r.body.boletos) === ixc.id)).toBe(true);
  });
});
