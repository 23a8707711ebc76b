// The CSV export is one more connector: the sync engine over a CSV folder gives exactly the database the
// all-or-nothing import of the same folder gives (one mapping, one upsert), and skips a bad row with its
// table, id and field where the import refuses the whole folder.
import { appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IxcConnector } from "@/lib/erp/ixc/ixc-connector";
import { runSync } from "@/lib/erp/sync/run-sync";
import { db } from "@/lib/db";
import { CsvConnector } from "@/lib/import/csv-connector";
import { importErpFolder } from "@/lib/import/import-erp-folder";
import { startFakeIxc, type FakeIxc } from "../fakes/ixc-server";
import { exportAsCsv, resetErpTables, snapshotErpTables } from "../helpers/erp-sync";

const N = 25;
let fake: FakeIxc;
let folder: string;

beforeAll(async () => {
  fake = await startFakeIxc({ customers: N });
  const ixc = new IxcConnector({ baseUrl: fake.url, userId: fake.userId, token: fake.token });
  folder = await exportAsCsv(ixc);
  ixc.close();
});
afterAll(async () => {
  await fake.close();
});

describe("CSV export as a connector", { timeout: 120_000 }, () => {
  it("a sync over the CSV folder gives the database its import gives, table by table", async () => {
    await resetErpTables();
    expect((await importErpFolder(folder)).errors).toEqual([]);
    const imported = await snapshotErpTables();

    await resetErpTables();
    const outcome = await runSync(new CsvConnector(folder), { kind: "FULL" });
    expect(outcome).toMatchObject({ skipped: 0, rows: N * 5 });
    const synced = await snapshotErpTables();
    for (const table of Object.keys(imported)) expect.soft(synced[table], table).toEqual(imported[table]);
    expect(synced.customers).toHaveLength(N);
  });

  it("the sync skips a bad row with table, id and field; the import refuses the folder for the same reason", async () => {
    const contracts = path.join(folder, "contracts.csv");
    // A contract of customer 1 with a status neither Raio nor IXC knows.
    appendFileSync(contracts, "999,1,XYZ,A,N,S,2025-01-01T00:00:00.000Z,Fibra 300M,300,150,99.90,,F\n");
    const imported = await importErpFolder(folder);
    expect(imported.ok).toBe(false);
    expect(imported.errors).toEqual([expect.objectContaining({ file: "contracts.csv", field: "status" })]);

    await resetErpTables();
    const outcome = await runSync(new CsvConnector(folder), { kind: "FULL" });
    expect(outcome.skipped).toBe(1);
    expect(await db.syncIssue.findMany({ where: { runId: outcome.runId }, select: { table: true, externalId: true, field: true } })).toEqual([
      { table: "contracts", externalId: "999", field: "status" },
    ]);
    expect(await db.contract.count()).toBe(N);
  });
});
