import { describe, expect, it, test } from "vitest";
import { ago, date, DAY, later, makeContract, makeInvoice, makeUnlock, MINUTE, NOW } from "@/tests/support/diagnostics-input";
import { decideTrustUnlock, type TrustUnlockInput } from "./decide-trust-unlock";
import { DEFAULT_DIAGNOSTICS_SETTINGS } from "./types";

const settings = DEFAULT_DIAGNOSTICS_SETTINGS;
const blocked = makeContract({ accessStatus: "BLOQUEADO" });
const input = (overrides: Partial<TrustUnlockInput> = {}): TrustUnlockInput => ({
  contract: blocked,
  trustUnlocks: [],
  invoices: [],
  ...overrides,
});

describe("decideTrustUnlock", () => {
  it("allows a blocked active contract never unlocked, for trustUnlockDays × 24 h", () => {
    expect(decideTrustUnlock(input(), NOW, settings)).toEqual({ allowed: true, expiresAt: later(3 * DAY) });
  });

  it("uses the configured duration", () => {
    expect(decideTrustUnlock(input(), NOW, { ...settings, trustUnlockDays: 5 })).toEqual({ allowed: true, expiresAt: later(5 * DAY) });
  });

  test.each([
    { label: "Bloqueado", accessStatus: "BLOQUEADO" as const },
    { label: "Financeiro Em Atraso", accessStatus: "FINANCEIRO_EM_ATRASO" as const },
  ])("allows access $label", ({ accessStatus }) => {
    expect(decideTrustUnlock(input({ contract: makeContract({ accessStatus }) }), NOW, settings).allowed).toBe(true);
  });

  test.each([
    { label: "no contract", over: { contract: null }, code: "NO_CONTRACT", reason: "Cliente sem contrato" },
    {
      label: "contract not eligible in the ERP",
      over: { contract: makeContract({ accessStatus: "BLOQUEADO", trustUnlockEligible: false }) },
      code: "NOT_ELIGIBLE",
      reason: "Contrato sem permissão para desbloqueio de confiança",
    },
    {
      label: "contract Inativo",
      over: { contract: makeContract({ status: "INATIVO", accessStatus: "BLOQUEADO" }) },
      code: "CONTRACT_NOT_ACTIVE",
      reason: "Contrato Inativo: o desbloqueio de confiança exige contrato Ativo",
    },
    {
      label: "contract PreContrato",
      over: { contract: makeContract({ status: "PRE_CONTRATO", accessStatus: "BLOQUEADO" }) },
      code: "CONTRACT_NOT_ACTIVE",
      reason: "Contrato PreContrato: o desbloqueio de confiança exige contrato Ativo",
    },
    {
      label: "contract Desistiu",
      over: { contract: makeContract({ status: "DESISTIU", accessStatus: "BLOQUEADO" }) },
      code: "CONTRACT_NOT_ACTIVE",
      reason: "Contrato Desistiu: o desbloqueio de confiança exige contrato Ativo",
    },
    {
      label: "an unlock already in effect",
      over: { contract: makeContract({ accessStatus: "ATIVO" }), trustUnlocks: [{ performedAt: ago(DAY), expiresAt: new Date("2026-11-25T15:00:00Z") }] },
      code: "UNLOCK_IN_EFFECT",
      reason: "Desbloqueio de confiança já em vigor até 25/11/2026 12:00",
    },
    {
      label: "access already Ativo: nothing to release",
      over: { contract: makeContract({ accessStatus: "ATIVO" }) },
      code: "ACCESS_NOT_BLOCKED",
      reason: "Acesso já está Ativo: não há bloqueio a liberar",
    },
    {
      label: "access Desativado",
      over: { contract: makeContract({ accessStatus: "DESATIVADO" }) },
      code: "ACCESS_NOT_BLOCKED",
      reason: "Acesso Desativado: o desbloqueio de confiança só libera acesso Bloqueado ou Financeiro Em Atraso",
    },
    {
      label: "access Aguardando Assinatura",
      over: { contract: makeContract({ accessStatus: "AGUARDANDO_ASSINATURA" }) },
      code: "ACCESS_NOT_BLOCKED",
      reason: "Acesso Aguardando Assinatura: o desbloqueio de confiança só libera acesso Bloqueado ou Financeiro Em Atraso",
    },
  ])("refuses: $label", ({ over, code, reason }) => {
    expect(decideTrustUnlock(input(over), NOW, settings)).toEqual({ allowed: false, code, reason });
  });

  describe("the lookback window", () => {
    // The last unlock on 2026-11-13 12:00 (São Paulo), ten days before NOW.
    const lastUnlock = makeUnlock(ago(10 * DAY));
    const overdueThen = makeInvoice({ dueDate: date("2026-11-10"), amountCents: 9990 });

    test.each([
      { label: "an invoice overdue at the last unlock, still unpaid", invoices: [overdueThen], allowed: false },
      { label: "that invoice paid since", invoices: [{ ...overdueThen, paidAt: ago(5 * DAY) }], allowed: true },
      { label: "that invoice recorded as paid only after now", invoices: [{ ...overdueThen, paidAt: later(MINUTE) }], allowed: false },
      { label: "an invoice due on the unlock's own date (not overdue then)", invoices: [makeInvoice({ dueDate: date("2026-11-13") })], allowed: true },
      { label: "an invoice due the day before the unlock", invoices: [makeInvoice({ dueDate: date("2026-11-12") })], allowed: false },
      { label: "an invoice that fell due after the unlock", invoices: [makeInvoice({ dueDate: date("2026-11-20") })], allowed: true },
      { label: "no invoices at all", invoices: [], allowed: true },
    ])("$label → allowed $allowed", ({ invoices, allowed }) => {
      const decision = decideTrustUnlock(input({ trustUnlocks: [lastUnlock], invoices }), NOW, settings);
      expect(decision.allowed).toBe(allowed);
      if (!decision.allowed) expect(decision.code).toBe("UNPAID_SINCE_LAST_UNLOCK");
    });

    test.each([
      { label: "29 days ago", performedAt: ago(29 * DAY), allowed: false },
      { label: "a minute short of 30 days ago", performedAt: ago(30 * DAY - MINUTE), allowed: false },
      { label: "exactly 30 days ago (outside)", performedAt: ago(30 * DAY), allowed: true },
      { label: "31 days ago", performedAt: ago(31 * DAY), allowed: true },
    ])("last unlock $label with an invoice still unpaid → allowed $allowed", ({ performedAt, allowed }) => {
      const invoices = [makeInvoice({ dueDate: date("2026-10-01") })];
      const decision = decideTrustUnlock(input({ trustUnlocks: [makeUnlock(performedAt)], invoices }), NOW, settings);
      expect(decision.allowed).toBe(allowed);
    });

    it("counts the invoices overdue at the most recent unlock in the window", () => {
      const invoices = [makeInvoice({ dueDate: date("2026-10-25") }), makeInvoice({ dueDate: date("2026-11-20") })];
      const unlocks = [makeUnlock(ago(10 * DAY)), makeUnlock(ago(26 * DAY))];
      // The invoice due 2026-10-25 was overdue at the last unlock (2026-11-13) and is still unpaid → refused.
      expect(decideTrustUnlock(input({ trustUnlocks: unlocks, invoices }), NOW, settings).allowed).toBe(false);
      const onlyLater = [makeInvoice({ dueDate: date("2026-11-20") })];
      expect(decideTrustUnlock(input({ trustUnlocks: unlocks, invoices: onlyLater }), NOW, settings).allowed).toBe(true);
    });

    it("names the unlock date, the count and the total", () => {
      const invoices = [overdueThen, makeInvoice({ dueDate: date("2026-11-05"), amountCents: 12000 })];
      const decision = decideTrustUnlock(input({ trustUnlocks: [lastUnlock], invoices }), NOW, settings);
      expect(decision).toEqual({
        allowed: false,
        code: "UNPAID_SINCE_LAST_UNLOCK",
        reason: "Desbloqueio de confiança usado em 13/11/2026 12:00 e 2 faturas que já estavam vencidas continuam em aberto (R$ 219,90)",
      });
    });

    it("uses the singular for one invoice", () => {
      const decision = decideTrustUnlock(input({ trustUnlocks: [lastUnlock], invoices: [overdueThen] }), NOW, settings);
      expect(decision.allowed === false && decision.reason).toMatch(/e 1 fatura que já estava vencida continua em aberto \(R\$ 99,90\)$/);
    });

    it("a lookback of 0 days ignores past unlocks", () => {
      const decision = decideTrustUnlock(input({ trustUnlocks: [lastUnlock], invoices: [overdueThen] }), NOW, {
        ...settings,
        trustUnlockLookbackDays: 0,
      });
      expect(decision.allowed).toBe(true);
    });
  });

  it("an unlock that expired a minute ago no longer blocks a new one by itself", () => {
    const expired = { performedAt: ago(3 * DAY), expiresAt: ago(MINUTE) };
    expect(decideTrustUnlock(input({ trustUnlocks: [expired] }), NOW, settings).allowed).toBe(true);
  });

  test.each([
    { label: "zero duration", over: { trustUnlockDays: 0 }, message: "Duração do desbloqueio de confiança 0 dias: deve ser maior que zero" },
    { label: "NaN duration", over: { trustUnlockDays: Number.NaN }, message: "Duração do desbloqueio de confiança NaN dias: deve ser maior que zero" },
    { label: "negative lookback", over: { trustUnlockLookbackDays: -1 }, message: "Janela de desbloqueio de confiança -1 dias: não pode ser negativa" },
  ])("fails fast on bad settings: $label", ({ over, message }) => {
    expect(() => decideTrustUnlock(input(), NOW, { ...settings, ...over })).toThrow(message);
  });
});
