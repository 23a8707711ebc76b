// The ERP sync against the fake IXC: the same database as the CSV import of the same data, incremental
// pulls, rows gone from the ERP kept as inactive, and bad rows skipped with their table, id and field.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IxcConnector } from "@/lib/erp/ixc/ixc-connector";
import { refreshOnline } from "@/lib/erp/sync/refresh-online";
import { runSync } from "@/lib/erp/sync/run-sync";
import { importErpFolder } from "@/lib/import/import-erp-folder";
import { BASE_UPDATE } from "../fakes/ixc-data";
import { startFakeIxc, type FakeIxc } from "../fakes/ixc-server";
import { exportAsCsv, resetErpTables, snapshotErpTables } from "../helpers/erp-sync";

/** Customers in the fake (each with a contract, a login and two invoices). */
const N = 30;
let fake: FakeIxc;
let connector: IxcConnector;

beforeAll(async () => {
  fake = await startFakeIxc({ customers: N });
  // Small pages: every table spans several pages (and so several transactions).
  connector = new IxcConnector({ baseUrl: fake.url, userId: fake.userId, token: fake.token, pageSize: 10, retryBaseMs: 5 });
});
afterAll(async () => {
  connector.close();
  await fake.close();
});
beforeEach(async () => {
  await resetErpTables();
});

// Each test runs one or two full syncs: generous timeouts for a busy machine.
describe("ERP sync", { timeout: 180_000 }, () => {
  it("gives exactly the database the CSV import of the same data gives, table by table", async () => {
    const outcome = await runSync(connector, { kind: "FULL" });
    expect(outcome).toMatchObject({ kind: "FULL", skipped: 0, rows: N * 5 });
    const synced = await snapshotErpTables();

    const folder = await exportAsCsv(connector);
    await resetErpTables();
    const imported = await importErpFolder(folder);
    expect(imported.errors).toEqual([]);
    const viaCsv = await snapshotErpTables();

    for (const table of Object.keys(synced)) {
      expect.soft(synced[table], table).toEqual(viaCsv[table]);
    }
    expect(synced.customers).toHaveLength(N);
    expect(synced.invoices).toHaveLength(2 * N);
  });

  it("pulls only what changed since the last success, with the cancellation of a contract", async () => {
    await runSync(connector, { kind: "FULL" });
    const run = await db.syncRun.findFirstOrThrow({ where: { status: "SUCCEEDED" }, orderBy: { id: "desc" } });
    // IXC stamps changes in its local time; "now" there is after the last sync started.
    const later = new Date(run.startedAt.getTime() + 60_000);
    const stamp = new Intl.DateTimeFormat("sv-SE", { timeZone: "America/Sao_Paulo", dateStyle: "short", timeStyle: "medium" }).format(later);
    fake.upsert("cliente", { ...fake.data.cliente![4]!, razao: "Cliente Renomeado" }, stamp);
    fake.upsert("cliente_contrato", { ...fake.data.cliente_contrato![5]!, status: "I", status_internet: "D", data_cancelamento: "2026-11-30" }, stamp);
    fake.resetStats();

    const outcome = await runSync(connector, { kind: "INCREMENTAL" });
    expect(outcome).toMatchObject({ kind: "INCREMENTAL", rows: 2, skipped: 0 });
    expect((await db.customer.findUniqueOrThrow({ where: { externalId: "5" } })).name).toBe("Cliente Renomeado");
    expect(await db.contract.findUniqueOrThrow({ where: { externalId: "6" }, select: { status: true, accessStatus: true } })).toEqual({ status: "INATIVO", accessStatus: "DESATIVADO" });
    const filtered = fake.requests.filter((r) => ["cliente", "cliente_contrato", "radusuarios", "fn_areceber"].includes(r.table));
    expect(filtered.length).toBeGreaterThan(0);
    for (const r of filtered) expect(JSON.parse(r.body.grid_param!)[0]).toMatchObject({ OP: ">=" });
    // Restore the fake for the next tests.
    fake.upsert("cliente", { ...fake.data.cliente![4]!, razao: "Cliente" }, BASE_UPDATE);
    fake.upsert("cliente_contrato", { ...fake.data.cliente_contrato![5]!, status: "A", status_internet: "A", data_cancelamento: "0000-00-00" }, BASE_UPDATE);
  });

  it("keeps a login removed from the ERP as inactive, with its history", async () => {
    await runSync(connector, { kind: "FULL" });
    const removed = fake.data.radusuarios!.splice(7, 1)[0]!;
    try {
      const outcome = await runSync(connector, { kind: "FULL" });
      expect(outcome.deactivated).toEqual({ contracts: 0, logins: 1 });
      const login = await db.login.findUniqueOrThrow({ where: { externalId: removed.id! }, select: { status: true, online: true, username: true } });
      expect(login).toEqual({ status: "INATIVO", online: false, username: removed.login });
      // A contract that never came from the ERP (CSV, demo data) is not touched.
      expect(await db.contract.count({ where: { status: "INATIVO" } })).toBe(fake.data.cliente_contrato!.filter((c) => c.status === "I").length);
    } finally {
      fake.data.radusuarios!.splice(7, 0, removed);
    }
  });

  it("skips bad rows with table, id and field, and never overwrites good data with them", async () => {
    await runSync(connector, { kind: "FULL" });
    const goodName = (await db.customer.findUniqueOrThrow({ where: { externalId: "3" } })).name;
    const original = { ...fake.data.cliente![2]! };
    fake.upsert("cliente", { ...original, cnpj_cpf: "123.456.789-00", razao: "Nome Que Não Deve Entrar" });
    fake.upsert("cliente_contrato", { ...fake.data.cliente_contrato![8]!, id_vd_contrato: "77" });
    try {
      const outcome = await runSync(connector, { kind: "FULL" });
      expect(outcome.skipped).toBe(2);
      const issues = await db.syncIssue.findMany({ where: { runId: outcome.runId }, orderBy: { table: "asc" }, select: { table: true, externalId: true, field: true, message: true } });
      expect(issues).toEqual([
        { table: "contracts", externalId: "9", field: "id_vd_contrato", message: "plano 77 não existe no IXC" },
        { table: "customers", externalId: "3", field: "document", message: expect.stringMatching(/CPF/) },
      ]);
      expect((await db.customer.findUniqueOrThrow({ where: { externalId: "3" } })).name).toBe(goodName);
      expect(await db.customer.count()).toBe(N);
    } finally {
      fake.upsert("cliente", original);
      fake.upsert("cliente_contrato", { ...fake.data.cliente_contrato![8]!, id_vd_contrato: "1" });
    }
  });

  it("records a failed run with IXC's own message, and the next run resumes it", async () => {
    fake.inject("json-error", { table: "radusuarios" });
    const err = await runSync(connector, { kind: "FULL" }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    const failed = await db.syncRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(failed).toMatchObject({ status: "FAILED", error: expect.stringMatching(/Erro ao executar a consulta: campo desconhecido/) });
    const resumed = await runSync(connector, { kind: "FULL" });
    expect(resumed).toMatchObject({ runId: failed.id, resumed: true });
    expect(await db.login.count()).toBe(N);
  });

  it("the online refresh writes the logins that flipped and leaves the others as the sync wrote them", async () => {
    await runSync(connector, { kind: "FULL" });
    const cols = { externalId: true, online: true, lastSeenAt: true, statusChangedAt: true, updatedAt: true } as const;
    const before = new Map((await db.login.findMany({ select: cols })).map((l) => [l.externalId, l]));
    const flippedRow = fake.data.radusuarios![3]!;
    const original = { ...flippedRow };
    fake.upsert("radusuarios", { ...flippedRow, online: before.get(flippedRow.id!)!.online ? "N" : "S" }, flippedRow.ultima_atualizacao ?? undefined);
    try {
      const outcome = await refreshOnline(connector);
      expect(outcome).toMatchObject({ logins: N, flipped: 1 });
      for (const login of await db.login.findMany({ select: cols })) {
        const was = before.get(login.externalId)!;
        if (login.externalId === flippedRow.id) {
          expect(login.online).toBe(!was.online);
        } else {
          // The ERP's flag says nothing about when an unchanged login was last seen: nothing is rewritten.
          expect(login, `login ${login.externalId}`).toEqual(was);
        }
      }
    } finally {
      fake.upsert("radusuarios", original, original.ultima_atualizacao ?? undefined);
    }
  });
});
