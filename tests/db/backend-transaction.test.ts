// Backend.transaction (lib/db/backend.ts): the ERP sync writes each page through it, straight on the driver.
// All or nothing on both backends, the body's answer returned, the failure rethrown, and the database usable
// afterwards by Prisma and by the next transaction.
import { describe, expect, it } from "vitest";
import { db, getBackend } from "@/lib/db";
import { bulkInsert } from "@/lib/db/bulk-insert";

const BRANCH_COLUMNS = [
  { name: "externalId", type: "text" },
  { name: "name", type: "text" },
  { name: "central", type: "text" },
  { name: "city", type: "text" },
];
const branch = (id: string) => ({ externalId: id, name: `Filial ${id}`, central: `Central ${id}`, city: "Campinas" });
const names = async (ids: string[]) =>
  (await db.branch.findMany({ where: { externalId: { in: ids } }, select: { name: true }, orderBy: { name: "asc" } })).map((b) => b.name);

describe("Backend.transaction", () => {
  it("commits every statement of the body together and returns its answer", async () => {
    const answer = await getBackend().transaction(async (tx) => {
      const inserted = await bulkInsert(tx, "Branch", BRANCH_COLUMNS, [branch("tx-a"), branch("tx-b")]);
      const updated = await tx.$executeRawUnsafe(`UPDATE "Branch" SET city = $1 WHERE "externalId" = ANY($2::text[])`, "Sumaré", ["tx-a", "tx-b"]);
      // The body sees its own writes.
      const rows = await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "Branch" WHERE city = $1`, "Sumaré");
      return { inserted, updated, seen: rows[0]!.n };
    });
    expect(answer).toEqual({ inserted: 2, updated: 2, seen: 2 });
    expect(await names(["tx-a", "tx-b"])).toEqual(["Filial tx-a", "Filial tx-b"]);
    expect(await db.branch.count({ where: { city: "Sumaré" } })).toBe(2);
  });

  it("rolls back everything when the body throws, rethrows, and leaves the database usable", async () => {
    await expect(
      getBackend().transaction(async (tx) => {
        await bulkInsert(tx, "Branch", BRANCH_COLUMNS, [branch("tx-c")]);
        throw new Error("falhou no meio da página");
      }),
    ).rejects.toThrow("falhou no meio da página");
    // A failing statement (unique violation) rolls back the statements before it too.
    await expect(
      getBackend().transaction(async (tx) => {
        await bulkInsert(tx, "Branch", BRANCH_COLUMNS, [branch("tx-d")]);
        await bulkInsert(tx, "Branch", BRANCH_COLUMNS, [branch("tx-d")]);
      }),
    ).rejects.toThrow();
    expect(await names(["tx-c", "tx-d"])).toEqual([]);
    // The next transaction and Prisma both work (no connection left in a failed transaction).
    for (let i = 0; i < 12; i++) {
      await getBackend().transaction((tx) => bulkInsert(tx, "Branch", BRANCH_COLUMNS, [branch(`tx-e${i}`)]));
    }
    expect(await db.branch.count({ where: { externalId: { startsWith: "tx-e" } } })).toBe(12);
  });

  it("lets Prisma's queries run alongside (they wait on PGlite, use another connection on PostgreSQL)", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const tx = getBackend().transaction(async (t) => {
      await bulkInsert(t, "Branch", BRANCH_COLUMNS, [branch("tx-f")]);
      await gate;
    });
    const outside = db.branch.count({ where: { externalId: "tx-f" } });
    release();
    await tx;
    // Whenever Prisma's query ran, it never saw the uncommitted row half-way: 0 before the commit, 1 after.
    expect([0, 1]).toContain(await outside);
    expect(await db.branch.count({ where: { externalId: "tx-f" } })).toBe(1);
  });
});

describe("bulkInsert with repeating columns", () => {
  it("writes the same rows whether a column travels whole or as distinct values and positions", async () => {
    const at = new Date("2026-12-01T06:00:00.123Z");
    const rows = [
      { id: 1, rule: "IXC", reason: 'diz "sim" \\ não', at, price: 0.1 + 0.2, ok: true, by: 7 },
      { id: 2, rule: "ANATEL_RQUAL", reason: "NULL", at: new Date(at), price: -22.9, ok: false, by: null },
      { id: 3, rule: "IXC", reason: null, at: null, price: 0.1 + 0.2, ok: true, by: 7 },
      { id: 4, rule: "IXC", reason: 'diz "sim" \\ não', at: new Date(at.getTime() + 1000), price: 1e-7, ok: null, by: 7 },
    ];
    const columns = (repeats: boolean) => [
      { name: "id", type: "int" },
      ...[["rule", "DiscountRule"], ["reason", "text"], ["at", "timestamp(3)"], ["price", "float8"], ["ok", "bool"], ["by", "int"]].map(([name, type]) => ({ name: name!, type: type!, repeats })),
    ];
    const read = await getBackend().transaction(async (tx) => {
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE bulk_plain (id int, rule "DiscountRule", reason text, "at" timestamp(3), price float8, ok bool, "by" int) ON COMMIT DROP`);
      await tx.$executeRawUnsafe(`CREATE TEMP TABLE bulk_dict (LIKE bulk_plain) ON COMMIT DROP`);
      expect(await bulkInsert(tx, "bulk_plain", columns(false), rows)).toBe(4);
      expect(await bulkInsert(tx, "bulk_dict", columns(true), rows)).toBe(4);
      const select = (t: string) => tx.$queryRawUnsafe<unknown[]>(`SELECT id, rule::text, reason, to_char("at", 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS "at", price, ok, "by" FROM ${t} ORDER BY id`);
      return { plain: await select("bulk_plain"), dict: await select("bulk_dict") };
    });
    expect(read.dict).toEqual(read.plain);
    expect(read.dict).toEqual([
      { id: 1, rule: "IXC", reason: 'diz "sim" \\ não', at: "2026-12-01T06:00:00.123", price: 0.1 + 0.2, ok: true, by: 7 },
      { id: 2, rule: "ANATEL_RQUAL", reason: "NULL", at: "2026-12-01T06:00:00.123", price: -22.9, ok: false, by: null },
      { id: 3, rule: "IXC", reason: null, at: null, price: 0.1 + 0.2, ok: true, by: 7 },
      { id: 4, rule: "IXC", reason: 'diz "sim" \\ não', at: "2026-12-01T06:00:01.123", price: 1e-7, ok: null, by: 7 },
    ]);
  });
});
