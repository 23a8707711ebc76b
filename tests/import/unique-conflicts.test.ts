// A CPF already held by another customer (issue: the import printed PostgreSQL's English unique-constraint
// text), and unique violations elsewhere: Portuguese, naming file/row/field or the field, status 409.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { toErrorBody } from "@/lib/errors";
import { importErpFolder } from "@/lib/import/import-erp-folder";
import { formatDocument } from "@/lib/validation/document";
import { createCustomer } from "../helpers/factory";

const ROOT = path.resolve(import.meta.dirname, "../..");
const VALID = path.join(import.meta.dirname, "fixtures", "valid");
const MARIA_CPF = "52998224725"; // customers.csv line 2 (external_id C100)

function fixtures(edit?: (file: string, text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "raio-unique-"));
  cpSync(VALID, dir, { recursive: true });
  if (edit) for (const f of ["customers.csv", "logins.csv"]) writeFileSync(path.join(dir, f), edit(f, readFileSync(path.join(dir, f), "utf8")));
  return dir;
}

const counts = async () => ({ customers: await db.customer.count(), logins: await db.login.count(), contracts: await db.contract.count() });

describe("importing values another record already holds", () => {
  it("a CPF held by a customer created outside the import: a Portuguese error with file, row and field; nothing imported", async () => {
    const other = await createCustomer({ customer: { document: MARIA_CPF, name: "Outra Maria" } });
    const before = await counts();
    const result = await importErpFolder(fixtures());
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      { file: "customers.csv", line: 2, field: "document", message: `CPF ${formatDocument(MARIA_CPF)} já pertence a outro cliente (código ${other.customer.id}, não importado: Outra Maria)` },
    ]);
    expect(JSON.stringify(result.errors)).not.toMatch(/duplicate|unique constraint/i);
    expect(await counts()).toEqual(before);
    await db.customer.delete({ where: { id: other.customer.id } });
  });

  it("a CPF or login held by a record of another external id is refused the same way", async () => {
    expect((await importErpFolder(fixtures())).ok).toBe(true);
    const before = await counts();
    const moved = fixtures((f, t) => {
      if (f === "customers.csv") return t.replace("C100,", "C900,");
      if (f === "logins.csv") return t.replace("L101,", "L901,");
      return t;
    });
    const contractsFixed = path.join(moved, "contracts.csv");
    writeFileSync(contractsFixed, readFileSync(contractsFixed, "utf8").replace("CT100,C100,", "CT100,C900,"));
    const result = await importErpFolder(moved);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ file: "customers.csv", line: 2, field: "document", message: expect.stringMatching(/^CPF 529\.982\.247-25 já pertence a outro cliente \(código \d+, external_id "C100": Maria/) }),
      expect.objectContaining({ file: "logins.csv", line: 3, field: "login", message: expect.stringMatching(/^login "padaria\.paoquente" já pertence a outro login \(código \d+, external_id "L101"\)/) }),
    ]));
    expect(await counts()).toEqual(before);
  });

  it.skipIf(process.env.RAIO_TEST_BACKEND === "postgresql")("npm run import prints the Portuguese error and exits 1 (real process, PGlite)", { timeout: 120_000 }, async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), "raio-unique-cli-")), "pglite");
    const run = (folder: string) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const e: NodeJS.ProcessEnv = { ...process.env, RAIO_DATA_DIR: dir };
        delete e.DATABASE_URL;
        const child = spawn(process.execPath, ["--import", "tsx", "prisma/import.ts", folder], { cwd: ROOT, env: e });
        let out = "";
        child.stdout.on("data", (d: Buffer) => (out += d.toString()));
        child.stderr.on("data", (d: Buffer) => (out += d.toString()));
        child.on("exit", (code) => resolve({ code, out }));
      });
    expect((await run(fixtures())).code).toBe(0);
    const r = await run(fixtures((f, t) => (f === "customers.csv" ? t.replace("C100,", "C900,") : t.replace("CT100,C100", "CT100,C900"))));
    expect(r.code, r.out).toBe(1);
    expect(r.out).toContain("nada foi importado");
    expect(r.out).toMatch(/customers\.csv:2 +document: CPF 529\.982\.247-25 já pertence a outro cliente/);
    expect(r.out).not.toMatch(/duplicate key|unique constraint/i);
  });
});

describe("unique violations anywhere answer 409 in Portuguese", () => {
  it("a model write and a raw statement repeating a CPF both map to 409 naming the field", async () => {
    const { customer } = await createCustomer();
    const model = await db.customer.create({ data: { name: "Cópia", document: customer.document, city: "Campinas", state: "SP", branchId: customer.branchId } }).catch((e: unknown) => e);
    const raw = await db
      .$executeRawUnsafe(`INSERT INTO "Customer" (name, document, city, state, "branchId") VALUES ('Cópia', $1, 'Campinas', 'SP', $2)`, customer.document, customer.branchId)
      .catch((e: unknown) => e);
    for (const err of [model, raw]) {
      const { status, body } = toErrorBody(err);
      expect(status).toBe(409);
      expect(body.error).toMatchObject({ code: "CONFLICT", message: "Registro já existe (valor único repetido: document).", field: "document" });
    }
  });
});
