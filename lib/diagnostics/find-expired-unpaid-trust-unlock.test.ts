import { describe, expect, test } from "vitest";
import { findExpiredUnpaidTrustUnlock } from "./find-expired-unpaid-trust-unlock";

const NOW = new Date("2026-11-23T15:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms);
const unlock = (performedAgo: number, lasts = 3 * DAY, id = 1) => ({
  id,
  performedAt: at(-performedAgo),
  expiresAt: at(-performedAgo + lasts),
  previousAccessStatus: "FINANCEIRO_EM_ATRASO" as const,
});
// Due on 2026-11-10: overdue at any instant after that São Paulo date.
const overdueUnpaid = { dueDate: new Date("2026-11-10T00:00:00Z"), paidAt: null };

describe("findExpiredUnpaidTrustUnlock", () => {
  test.each([
    { label: "expired a minute ago, still unpaid → restore", unlocks: [unlock(3 * DAY + 60_000)], invoices: [overdueUnpaid], access: "ATIVO" as const, restore: true },
    { label: "expires in a minute → still in effect", unlocks: [unlock(3 * DAY - 60_000)], invoices: [overdueUnpaid], access: "ATIVO" as const, restore: false },
    { label: "paid during the unlock", unlocks: [unlock(4 * DAY)], invoices: [{ ...overdueUnpaid, paidAt: at(-2 * DAY) }], access: "ATIVO" as const, restore: false },
    { label: "the contract is already blocked again", unlocks: [unlock(4 * DAY)], invoices: [overdueUnpaid], access: "BLOQUEADO" as const, restore: false },
    { label: "no unlock at all", unlocks: [], invoices: [overdueUnpaid], access: "ATIVO" as const, restore: false },
    { label: "only an invoice that fell due after the unlock", unlocks: [unlock(20 * DAY)], invoices: [overdueUnpaid], access: "ATIVO" as const, restore: false },
  ])("$label", ({ unlocks, invoices, access, restore }) => {
    const found = findExpiredUnpaidTrustUnlock({ accessStatus: access }, unlocks, invoices, NOW);
    expect(found !== null).toBe(restore);
  });

  test("looks at the latest unlock only", () => {
    const older = unlock(40 * DAY, 3 * DAY, 1);
    const latest = unlock(5 * DAY, 3 * DAY, 2);
    expect(findExpiredUnpaidTrustUnlock({ accessStatus: "ATIVO" }, [latest, older], [overdueUnpaid], NOW)?.id).toBe(2);
  });
});
