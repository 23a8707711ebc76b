import { describe, expect, it } from "vitest";
import { db, getBackend } from "@/lib/db";
import { seedDatabase } from "@/prisma/demo/seed-database";
import { isValidCnpj, isValidCpf } from "@/lib/validation/document";
import { normalizePhone } from "@/lib/validation/phone";

const q = <T,>(sql: string) => getBackend().query<T>(sql);
const values = async (sql: string) => (await q<{ v: string }>(sql)).map((r) => String(r.v)).sort();

describe("demo data", () => {
  it("is realistic, valid, and makes every value of every diagnostic input occur", async () => {
    await seedDatabase({ customers: 1500, seed: 20261123, quiet: true, now: new Date("2026-11-23T15:00:00Z") });

    expect(await values(`SELECT DISTINCT status::text AS v FROM "Contract"`)).toEqual(["ATIVO", "DESISTIU", "INATIVO", "NEGATIVADO", "PRE_CONTRATO"]);
    expect(await values(`SELECT DISTINCT "accessStatus"::text AS v FROM "Contract"`)).toEqual(["AGUARDANDO_ASSINATURA", "ATIVO", "BLOQUEADO", "DESATIVADO", "FINANCEIRO_EM_ATRASO"]);
    expect(await values(`SELECT DISTINCT status::text AS v FROM "Login"`)).toEqual(["ATIVO", "INATIVO", "SEM_STATUS"]);
    expect(await values(`SELECT DISTINCT technology::text AS v FROM "Login"`)).toEqual(["ADSL", "FIBRA", "RADIO"]);
    expect(await values(`SELECT DISTINCT online::text AS v FROM "Login"`)).toEqual(["false", "true"]);
    expect(await values(`SELECT DISTINCT "reducedSpeed"::text AS v FROM "Contract"`)).toEqual(["false", "true"]);
    expect(await values(`SELECT DISTINCT active::text AS v FROM "Customer"`)).toEqual(["false", "true"]);
    expect(await values(`SELECT DISTINCT status::text AS v FROM "ServiceOrder"`)).toEqual(["ABERTA", "CANCELADA", "EM_EXECUCAO", "FINALIZADA"]);
    // A trust unlock in effect now, and a recent one whose overdue invoices are unpaid (restriction).
    const [unlocks] = await q<{ active: number; recent: number }>(`
      SELECT COUNT(*) FILTER (WHERE "expiresAt" > '2026-11-23T15:00:00') ::int AS active,
             COUNT(*) FILTER (WHERE "expiresAt" <= '2026-11-23T15:00:00' AND "performedAt" > '2026-10-24') ::int AS recent FROM "TrustUnlock"`);
    expect(unlocks!.active).toBeGreaterThan(0);
    expect(unlocks!.recent).toBeGreaterThan(0);
    // Allowance used up on a capped plan, and unlimited plans.
    const [allowance] = await q<{ over: number; unlimited: number }>(`
      SELECT COUNT(*) FILTER (WHERE p."allowanceGb" IS NOT NULL AND l."dataUsedMb" >= p."allowanceGb" * 1024)::int AS over,
             COUNT(*) FILTER (WHERE p."allowanceGb" IS NULL)::int AS unlimited
        FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" JOIN "Plan" p ON p.id = k."planId"`);
    expect(allowance!.over).toBeGreaterThan(0);
    expect(allowance!.unlimited).toBeGreaterThan(0);
    // Paid, open and overdue invoices.
    const [inv] = await q<{ paid: number; open: number; overdue: number }>(`
      SELECT COUNT(*) FILTER (WHERE "paidAt" IS NOT NULL)::int AS paid,
             COUNT(*) FILTER (WHERE "paidAt" IS NULL AND "dueDate" >= '2026-11-23')::int AS open,
             COUNT(*) FILTER (WHERE "paidAt" IS NULL AND "dueDate" < '2026-11-23')::int AS overdue FROM "Invoice"`);
    expect(inv!.paid).toBeGreaterThan(0);
    expect(inv!.open).toBeGreaterThan(0);
    expect(inv!.overdue).toBeGreaterThan(0);
    // Customers inside the executing region got the message through the real contacts service.
    expect(await db.contactNotification.count()).toBeGreaterThan(0);
    expect(await db.discount.count()).toBeGreaterThan(0);

    // Valid documents and +55 phones with Campinas' DDD 19.
    const customers = await db.customer.findMany({ take: 200, select: { document: true, lat: true, lng: true, phones: { select: { phone: true } } } });
    for (const c of customers) {
      expect(c.document.length === 11 ? isValidCpf(c.document) : isValidCnpj(c.document)).toBe(true);
      for (const p of c.phones) {
        expect(p.phone.startsWith("5519")).toBe(true);
        expect(normalizePhone(p.phone).ok).toBe(true);
      }
      // Inside Campinas.
      expect(c.lat!).toBeGreaterThan(-23.1);
      expect(c.lat!).toBeLessThan(-22.7);
      expect(c.lng!).toBeGreaterThan(-47.3);
      expect(c.lng!).toBeLessThan(-46.8);
    }
  });
});
