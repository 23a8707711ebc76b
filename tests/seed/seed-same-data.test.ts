// The seed is fast because of how it loads (indexes and foreign keys made after the load, batches generated while
// the previous one is inserted, hand-written array literals), never because of what it loads: the same --seed
// gives exactly the same rows, ids included (tests and the demo depend on them), and the database ends with every
// index and constraint its migrations made.
import { describe, expect, it } from "vitest";
import { getBackend } from "@/lib/db";
import { seedDatabase } from "@/prisma/demo/seed-database";

const q = <T,>(sql: string, params?: unknown[]) => getBackend().query<T>(sql, params);

// md5 of every row (ordered by id) of each table after seeding 1,500 customers with seed 20261123 at
// 2026-11-23T15:00Z, taken before the seed was made faster (load-time changes must not move these). Columns
// filled with the wall clock (`updatedAt`) are left out. Same on PGlite and PostgreSQL.
const EXPECTED: Record<string, [rows: number, md5: string]> = {
  // The demo orders: only the columns the seed itself sets (later migrations add summary columns to orders).
  "ServiceOrder(id, subjectId, status, description, openedAt, executedAt, finalizedAt, cancelledAt, expectedEndAt)": [4, "6e152c1b0919e7ac5a2c0eaad35d28d8"],
  Customer: [1500, "9f939cd43c5e3f294e64fe5864ebdb7d"],
  CustomerPhone: [1868, "17f11f275214e6b82e07dfcd7bd2e6a9"],
  Contract: [1563, "dcbae2585c52e748a10cefae5930563b"],
  Login: [1563, "bda06448778c7e3e0e97852af33fe318"],
  Invoice: [6068, "13d87df9f641edea746b023d0bd3a633"],
  TrustUnlock: [113, "5fe49d49f19a58f8df49dd8eee25f41b"],
  Olt: [1, "95ba48a480cd7a81f2f54cf819d5f17f"],
  PonPort: [9, "1cebba943cb7c6c2aa841bc6a66c3681"],
  Cto: [79, "122cb874e8e606c960484898ead9f9ab"],
  MaintenanceRegion: [4, "4794b219761e4c3ed2292ff1e6226386"],
  ServiceOrderEvent: [8, "86cf35ac83f61abf0fd7273ff2dd23b4"],
  Contact: [114, "3f5e4dbcf1b36a3a584e8dc37e681ac2"],
  ContactNotification: [24, "7e5b88c68fc2aa11049e1ec783d4e505"],
  AffectedLogin: [92, "ab5716fa62570f85fd0aab5c0bfbe231"],
  Discount: [83, "034bcf0b5e95ae089a222576fa2a5f99"],
};

/** `Table` (every column but updatedAt) or `Table(col, col, …)`. */
async function tableChecksum(spec: string): Promise<[number, string]> {
  const [, table, list] = /^(\w+)(?:\((.*)\))?$/.exec(spec) ?? [];
  if (!table) throw new Error(`tabela inválida: ${spec}`);
  const columns = list ? list.split(", ") : (await q<{ c: string }>(
    `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  )).map((r) => r.c).filter((c) => c !== "updatedAt");
  const [row] = await q<{ n: number; h: string }>(
    `SELECT COUNT(*)::int AS n, md5(COALESCE(string_agg(ROW(${columns.map((c) => `t."${c}"`).join(", ")})::text, ',' ORDER BY t.id), '')) AS h FROM "${table}" t`,
  );
  return [row!.n, row!.h];
}

/** Every index and constraint of the schema, as SQL (what the migrations made). */
async function schemaObjects(): Promise<string[]> {
  const indexes = await q<{ d: string }>(`SELECT indexdef AS d FROM pg_indexes WHERE schemaname = current_schema()`);
  const constraints = await q<{ d: string }>(
    `SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' NOT VALID' END AS d
       FROM pg_constraint WHERE connamespace = current_schema()::regnamespace AND contype IN ('p', 'u', 'f', 'x', 'c')`,
  );
  return [...indexes, ...constraints].map((r) => r.d).sort();
}

describe("demo seed", () => {
  it("loads exactly the same rows for a given seed and leaves every index and constraint in place", async () => {
    const before = await schemaObjects();
    expect(before.some((d) => d.includes("gin_trgm_ops"))).toBe(true);
    expect(before.some((d) => d.includes("FOREIGN KEY"))).toBe(true);

    await seedDatabase({ customers: 1500, seed: 20261123, quiet: true, now: new Date("2026-11-23T15:00:00Z") });

    expect(await schemaObjects()).toEqual(before);
    const actual: Record<string, [number, string]> = {};
    for (const table of Object.keys(EXPECTED)) actual[table] = await tableChecksum(table);
    expect(actual).toEqual(EXPECTED);
    // The sequences were moved past the explicit ids.
    const [next] = await q<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('"Login"', 'id'))::int AS id`);
    expect(next!.id).toBe(EXPECTED.Login![0] + 1);
  });
});
