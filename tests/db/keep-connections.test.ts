// A statement PostgreSQL refuses does not cost the pool its connection (lib/db/keep-connections.ts): the next
// query runs on the same server process, prepared statements intact, and a multi-statement text that failed
// inside BEGIN leaves no aborted transaction behind. On PGlite there is one connection and no pool.
import { describe, expect, it } from "vitest";
import { db, getBackend } from "@/lib/db";

const onPostgres = process.env.RAIO_TEST_BACKEND === "postgresql";
const pid = async () => (await getBackend().query<{ pid: number }>("SELECT pg_backend_pid() AS pid"))[0]!.pid;
const connections = async () =>
  (await getBackend().query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`))[0]!.n;

describe.runIf(onPostgres)("refused statements keep their pooled connection (PostgreSQL)", () => {
  it("a division by zero, a unique violation and a failed BEGIN … COMMIT text: same server process afterwards, no aborted transaction", async () => {
    const before = await pid();
    const open = await connections();
    await expect(getBackend().query("SELECT 1 / 0")).rejects.toThrow(/division by zero/);
    expect(await pid()).toBe(before);
    await expect(getBackend().query(`INSERT INTO "Branch" ("externalId", name, central, city) VALUES ('dup-pool', 'a', 'c', 'x'), ('dup-pool', 'b', 'c', 'x')`)).rejects.toThrow(/duplicate key|unique/i);
    expect(await pid()).toBe(before);
    // pg-boss's maintenance shape: one text with BEGIN … COMMIT, failing in the middle.
    await expect(getBackend().execSql("BEGIN; SELECT 1 / 0; COMMIT;")).rejects.toThrow(/division by zero/);
    expect(await pid()).toBe(before);
    expect(await getBackend().query<{ one: number }>("SELECT 1 AS one")).toEqual([{ one: 1 }]);
    expect(await connections()).toBe(open);
  });

  it("a connection the server ends mid-query (FATAL) is dropped, not reused, and does not crash the process", async () => {
    // Its rejection is taken at once: it may come before the test gets to await it.
    const sleeping = getBackend().query("SELECT pg_sleep(5) AS slept /* keep-connections-fatal */").then(() => null, (err: Error) => err);
    let victim: number | undefined;
    for (let i = 0; i < 50 && victim === undefined; i++) {
      await new Promise((r) => setTimeout(r, 50));
      victim = (await getBackend().query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(5)%keep-connections-fatal%' AND pid <> pg_backend_pid()`,
      ))[0]?.pid;
    }
    expect(victim).toBeDefined();
    await getBackend().query("SELECT pg_terminate_backend($1)", [victim]);
    expect((await sleeping)?.message).toMatch(/terminat/i);
    await new Promise((r) => setTimeout(r, 100)); // the socket's close and its 'error' event come after the answer
    // The pool goes on with its other connections; the ended one is not handed out again.
    for (let i = 0; i < 12; i++) expect(await pid()).not.toBe(victim);
  });

  it("Prisma's queries share the pool: a refused create keeps the connection too", async () => {
    await db.branch.create({ data: { externalId: "prisma-dup-pool", name: "Filial", central: "Central", city: "Campinas" } });
    const before = (await db.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid"))[0]!.pid;
    await expect(db.branch.create({ data: { externalId: "prisma-dup-pool", name: "Outra", central: "Central", city: "Campinas" } })).rejects.toThrow();
    expect((await db.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid"))[0]!.pid).toBe(before);
  });
});
