import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { importErpFolder } from "@/lib/import/import-erp-folder";

const VALID = path.join(import.meta.dirname, "fixtures", "valid");

function copyFixtures(edit?: (file: string, text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "raio-import-"));
  cpSync(VALID, dir, { recursive: true });
  if (edit) {
    for (const f of ["customers.csv", "contracts.csv", "logins.csv", "invoices.csv"]) {
      const p = path.join(dir, f);
      writeFileSync(p, edit(f, readFileSync(p, "utf8")));
    }
  }
  return dir;
}

const counts = async () => ({
  customers: await db.customer.count(),
  contracts: await db.contract.count(),
  logins: await db.login.count(),
  invoices: await db.invoice.count(),
  phones: await db.customerPhone.count(),
});

describe("importing an ERP export", () => {
  it("imports every file, mapping IXC's codes and BRL amounts", async () => {
    const result = await importErpFolder(copyFixtures());
    expect(result.errors).toEqual([]);
    expect(await counts()).toEqual({ customers: 2, contracts: 2, logins: 2, invoices: 2, phones: 3 });
    const maria = await db.customer.findUniqueOrThrow({
      where: { externalId: "C100" },
      include: { phones: true, contracts: { include: { plan: true, logins: true, invoices: true } } },
    });
    expect(maria.document).toBe("52998224725");
    expect(maria.phones.map((p) => p.phone).sort()).toEqual(["551932321234", "5519998765432"]);
    const contract = maria.contracts[0]!;
    expect(contract).toMatchObject({ status: "ATIVO", accessStatus: "FINANCEIRO_EM_ATRASO" });
    expect(contract.plan).toMatchObject({ priceCents: 11990, allowanceGb: null, technology: "FIBRA" });
    expect(contract.invoices[0]!.amountCents).toBe(11990);
    expect(contract.logins[0]!.lat).toBeNull(); // falls back to the customer's location
    const padaria = await db.customer.findUniqueOrThrow({ where: { externalId: "C101" }, include: { contracts: { include: { plan: true } } } });
    expect(padaria.name).toBe("Padaria Pão Quente, Ltda");
    expect(padaria.contracts[0]!.plan).toMatchObject({ priceCents: 9990, allowanceGb: 400, technology: "RADIO" });
  });

  it("updates rows by external id when the same files are imported again, creating no duplicates", async () => {
    await importErpFolder(copyFixtures());
    const before = await counts();
    const renamed = copyFixtures((f, t) => (f === "customers.csv" ? t.replace("Maria da Silva Souza", "Maria da Silva Souza Lima") : t));
    const again = await importErpFolder(renamed);
    expect(again.ok).toBe(true);
    expect(await counts()).toEqual(before);
    expect((await db.customer.findUniqueOrThrow({ where: { externalId: "C100" } })).name).toBe("Maria da Silva Souza Lima");
  });

  it("lists every error with file, line and field, and imports nothing", async () => {
    const bad = copyFixtures((f, t) => {
      if (f === "customers.csv") return t.replace("529.982.247-25", "529.982.247-26");
      if (f === "invoices.csv") return t.replace("2026-10-10", "10/10/2026");
      if (f === "logins.csv") return t.replace("-22.90251", "-122.9");
      return t;
    });
    const before = await counts();
    const result = await importErpFolder(bad);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: "customers.csv", line: 2, field: "document", message: expect.stringMatching(/CPF/) }),
        expect.objectContaining({ file: "invoices.csv", line: 2, field: "due_date", message: expect.stringMatching(/ISO 8601/) }),
        expect.objectContaining({ file: "logins.csv", line: 3, field: "lat" }),
      ]),
    );
    expect(await counts()).toEqual(before);
  });

  it("refuses references to contracts that exist nowhere", async () => {
    const bad = copyFixtures((f, t) => (f === "invoices.csv" ? t.replace("F101,CT101", "F101,CT999") : t));
    await db.customer.deleteMany({ where: { externalId: { in: ["C100", "C101"] } } });
    const before = await counts();
    const result = await importErpFolder(bad);
    expect(result.errors).toEqual([expect.objectContaining({ file: "invoices.csv", line: 3, field: "contract_external_id" })]);
    expect(await counts()).toEqual(before);
    expect(await db.customer.count({ where: { externalId: "C100" } })).toBe(0);
  });
});
