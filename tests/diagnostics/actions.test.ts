import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as diagnostics } from "@/app/api/v1/diagnostics/route";
import { POST as trustUnlock } from "@/app/api/v1/contracts/[id]/trust-unlock/route";
import { GET as invoice } from "@/app/api/v1/contracts/[id]/invoice/route";
import { getSettings } from "@/lib/settings/get-settings";
import { call } from "../helpers/http";
import { createBearer, createCustomer, loginAs } from "../helpers/factory";
import { DAY, addInvoice, addTrustUnlock, createBlockedCustomer, writeCounts } from "./fixtures";

let token: string;
const unlock = (contractId: number | string, auth: { token?: string; cookie?: string } = { token }) =>
  call(trustUnlock, `/api/v1/contracts/${contractId}/trust-unlock`, { method: "POST", ...auth, params: { id: String(contractId) } });
const copy = (contractId: number | string, auth: { token?: string; cookie?: string } = { token }) =>
  call(invoice, `/api/v1/contracts/${contractId}/invoice`, { ...auth, params: { id: String(contractId) } });
const diagnose = (customerId: number) => call(diagnostics, `/api/v1/diagnostics?customerId=${customerId}`, { token });

beforeAll(async () => {
  token = (await createBearer("AGENT", "opa-suite")).token;
});

describe("trust unlock", () => {
  it("releases a blocked contract for the configured days, audited, and the diagnostics turn green", async () => {
    const { customer, contract } = await createBlockedCustomer("BLOQUEADO");
    const before = await diagnose(customer.id);
    expect(before.body.variables.diagnosticoContratoStatusAcesso).toBe("Bloqueado");
    expect(before.body.variables.diagnosticoContratoRestricaoDesbloquioConfianca).toBe("Não");
    expect(before.body.paths.diagnosticoContratoUsandoDesbloqueioConfianca).toBe("vermelho");

    const t0 = Date.now();
    const res = await unlock(contract.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contractId: contract.id, accessStatus: "Ativo", previousAccessStatus: "Bloqueado" });
    const days = (await getSettings()).trustUnlockDays;
    expect(Date.parse(res.body.expiresAt) - t0).toBeGreaterThanOrEqual(days * DAY - 5_000);
    expect(Date.parse(res.body.expiresAt) - t0).toBeLessThanOrEqual(days * DAY + 5_000);

    const row = await db.trustUnlock.findFirstOrThrow({ where: { contractId: contract.id } });
    expect(row).toMatchObject({ previousAccessStatus: "BLOQUEADO", channel: "chatbot" });
    expect(row.apiTokenId).not.toBeNull();
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).accessStatus).toBe("ATIVO");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "contract.trust-unlock", entityId: String(contract.id) } });
    expect(audit.apiTokenId).toBe(row.apiTokenId);
    expect(audit.data).toMatchObject({ result: "liberado", previousAccessStatus: "BLOQUEADO" });

    const after = await diagnose(customer.id);
    expect(after.body.variables.diagnosticoContratoStatusAcesso).toBe("Ativo");
    expect(after.body.variables.diagnosticoContratoUsandoDesbloqueioConfianca).toBe("Sim");
    expect(after.body.paths.diagnosticoContratoUsandoDesbloqueioConfianca).toBe("verde");
  });

  it("answers 409 with the reason and changes nothing when already unlocked (double submit)", async () => {
    const { contract } = await createBlockedCustomer();
    expect((await unlock(contract.id)).status).toBe(200);
    const before = await writeCounts();
    const again = await unlock(contract.id);
    expect(again.status).toBe(409);
    expect(again.body.error.details.reason).toBe("UNLOCK_IN_EFFECT");
    expect(again.body.error.message).toMatch(/já em vigor até/);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses when the last unlock was recent and its overdue invoices are still unpaid", async () => {
    const { contract } = await createBlockedCustomer();
    await addTrustUnlock(contract.id, 5);
    const before = await writeCounts();
    const res = await unlock(contract.id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("CONFLICT");
    expect(res.body.error.details.reason).toBe("UNPAID_SINCE_LAST_UNLOCK");
    expect(res.body.error.message).toMatch(/continua em aberto \(R\$ 99,90\)/);
    expect(await writeCounts()).toEqual(before);
  });

  it.each([
    { label: "an active access", contract: { accessStatus: "ATIVO" as const }, reason: "ACCESS_NOT_BLOCKED" },
    { label: "a contract not eligible in the ERP", contract: { accessStatus: "BLOQUEADO" as const, trustUnlockEligible: false }, reason: "NOT_ELIGIBLE" },
    { label: "a Negativado contract", contract: { accessStatus: "BLOQUEADO" as const, status: "NEGATIVADO" as const }, reason: "CONTRACT_NOT_ACTIVE" },
  ])("refuses $label with 409 $reason", async ({ contract, reason }) => {
    const made = await createCustomer({ contract });
    const before = await writeCounts();
    const res = await unlock(made.contract.id);
    expect(res.status).toBe(409);
    expect(res.body.error.details.reason).toBe(reason);
    expect(await writeCounts()).toEqual(before);
  });

  it("gives exactly one success to two concurrent unlocks of the same contract", async () => {
    const { contract } = await createBlockedCustomer();
    const { cookie } = await loginAs("AGENT");
    const results = await Promise.all([unlock(contract.id), unlock(contract.id, { cookie }), unlock(contract.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await db.trustUnlock.count({ where: { contractId: contract.id } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "contract.trust-unlock", entityId: String(contract.id) } })).toBe(1);
  });

  it("is refused to managers and admins (403), to nobody logged (401), and 404/400 for bad ids, writing nothing", async () => {
    const { contract } = await createBlockedCustomer();
    const before = await writeCounts();
    for (const role of ["MANAGER", "ADMIN"] as const) {
      const { cookie } = await loginAs(role);
      const res = await unlock(contract.id, { cookie });
      expect(res.status).toBe(403);
      expect((await copy(contract.id, { cookie })).status).toBe(403);
    }
    const managerToken = (await createBearer("MANAGER", "painel")).token;
    expect((await unlock(contract.id, { token: managerToken })).status).toBe(403);
    expect((await unlock(contract.id, {})).status).toBe(401);
    expect((await unlock(99999999)).status).toBe(404);
    const bad = await unlock("abc");
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("id");
    expect(await writeCounts()).toEqual({ ...before });
  });
});

describe("expiry of a trust unlock", () => {
  it("restores the previous block once, when the unlock expired and the invoices are still unpaid", async () => {
    const { customer, contract } = await createBlockedCustomer("ATIVO");
    // Performed 4 days ago for 3 days: expired a day ago; the invoice overdue then is still open.
    const expired = await addTrustUnlock(contract.id, 4, 3, "FINANCEIRO_EM_ATRASO");
    const res = await diagnose(customer.id);
    expect(res.body.variables.diagnosticoContratoStatusAcesso).toBe("Financeiro Em Atraso");
    expect(res.body.variables.diagnosticoContratoUsandoDesbloqueioConfianca).toBe("Não");
    expect(res.body.variables.diagnosticoContratoRestricaoDesbloquioConfianca).toBe("Sim");
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).accessStatus).toBe("FINANCEIRO_EM_ATRASO");
    const audits = await db.auditLog.findMany({ where: { action: "contract.trust-unlock-expired", entityId: String(contract.id) } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.data).toMatchObject({ trustUnlockId: expired.id });

    // An operator re-activates by hand: the same expired unlock is not applied again.
    await db.contract.update({ where: { id: contract.id }, data: { accessStatus: "ATIVO" } });
    const before = await writeCounts();
    expect((await diagnose(customer.id)).body.variables.diagnosticoContratoStatusAcesso).toBe("Ativo");
    expect(await writeCounts()).toEqual(before);
  });

  it("keeps the access of a customer who paid during the unlock", async () => {
    const { customer, contract, overdue } = await createBlockedCustomer("ATIVO");
    await addTrustUnlock(contract.id, 4);
    await db.invoice.update({ where: { id: overdue.id }, data: { paidAt: new Date(Date.now() - 2 * DAY) } });
    const before = await writeCounts();
    expect((await diagnose(customer.id)).body.variables.diagnosticoContratoStatusAcesso).toBe("Ativo");
    expect(await writeCounts()).toEqual(before);
  });
});

describe("second copy of the open invoice", () => {
  it("returns the oldest unpaid invoice with amount, due date, digitable line and overdue flag, audited", async () => {
    const { contract, overdue } = await createBlockedCustomer();
    const res = await copy(contract.id);
    expect(res.status).toBe(200);
    expect(res.body.invoice).toMatchObject({
      id: overdue.id,
      amountCents: 9990,
      amount: "R$ 99,90",
      overdue: true,
      daysOverdue: 10,
      digitableLine: overdue.digitableLine,
      paymentUrl: overdue.paymentUrl,
      otherOpenInvoices: 1,
    });
    expect(res.body.invoice.dueDate).toBe(overdue.dueDate.toISOString().slice(0, 10));
    expect(await db.auditLog.count({ where: { action: "contract.invoice-copy", entityId: String(contract.id) } })).toBe(1);
  });

  it("an invoice due today is open but not overdue", async () => {
    const { contract } = await createCustomer();
    await addInvoice(contract.id, 0);
    const res = await copy(contract.id);
    expect(res.body.invoice).toMatchObject({ overdue: false, daysOverdue: 0 });
  });

  it("answers 404 when nothing is open, writing nothing", async () => {
    const { contract } = await createCustomer();
    await addInvoice(contract.id, -5, { paidAt: new Date() });
    const before = await writeCounts();
    const res = await copy(contract.id);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/não tem fatura em aberto/);
    expect((await copy(99999999)).status).toBe(404);
    expect(await writeCounts()).toEqual(before);
  });
});
