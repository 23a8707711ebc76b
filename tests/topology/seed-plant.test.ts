// The demo FTTH plant: every fibre login on a CTO port, CTOs of 8–16 ports near their logins, PONs of 64–128
// logins, OLTs of 8–16 PONs (the last of each may be smaller: it takes what is left).
import { describe, expect, it } from "vitest";
import { getBackend } from "@/lib/db";
import { seedDatabase } from "@/prisma/demo/seed-database";
import { getTopologyIndex } from "@/lib/topology/get-topology-index";

const q = <T,>(sql: string) => getBackend().query<T>(sql);

describe("demo FTTH plant", () => {
  it("hangs every fibre login from a CTO port of a PON of an OLT, at realistic sizes", async () => {
    await seedDatabase({ customers: 3000, seed: 20261123, quiet: true, now: new Date("2026-11-23T15:00:00Z") });
    const [fibre] = await q<{ all: number; onCto: number; other: number }>(`
      SELECT COUNT(*) FILTER (WHERE technology = 'FIBRA')::int AS all, COUNT(*) FILTER (WHERE technology = 'FIBRA' AND "ctoId" IS NOT NULL AND "ctoPort" IS NOT NULL)::int AS "onCto",
             COUNT(*) FILTER (WHERE technology <> 'FIBRA' AND "ctoId" IS NOT NULL)::int AS other FROM "Login"`);
    expect(fibre!.all).toBeGreaterThan(1000);
    expect(fibre!.onCto).toBe(fibre!.all);
    expect(fibre!.other).toBe(0);
    const ctos = await q<{ capacity: number; used: number; maxPort: number; spreadM: number }>(`
      SELECT t.capacity, COUNT(l.id)::int AS used, MAX(l."ctoPort")::int AS "maxPort",
             MAX(111320 * SQRT(POWER(COALESCE(l.lat, c.lat) - t.lat, 2) + POWER((COALESCE(l.lng, c.lng) - t.lng) * 0.92, 2)))::float8 AS "spreadM"
        FROM "Cto" t JOIN "Login" l ON l."ctoId" = t.id JOIN "Contract" k ON k.id = l."contractId" JOIN "Customer" c ON c.id = k."customerId"
       GROUP BY t.id`);
    for (const c of ctos) {
      expect([8, 16]).toContain(c.capacity);
      expect(c.used).toBeLessThanOrEqual(c.capacity);
      expect(c.maxPort).toBeLessThanOrEqual(c.capacity);
    }
    // Most boxes serve their own street corner (the Z-order walk keeps neighbours together).
    const spreads = ctos.map((c) => c.spreadM).sort((a, b) => a - b);
    expect(spreads[Math.floor(spreads.length / 2)]!).toBeLessThan(600);
    const pons = (await q<{ n: number }>(`SELECT COUNT(l.id)::int AS n FROM "PonPort" p JOIN "Cto" t ON t."ponId" = p.id JOIN "Login" l ON l."ctoId" = t.id GROUP BY p.id ORDER BY p.id`)).map((r) => r.n);
    for (const n of pons.slice(0, -1)) expect(n).toBeGreaterThanOrEqual(64), expect(n).toBeLessThanOrEqual(128 + 16);
    const olts = (await q<{ n: number }>(`SELECT COUNT(*)::int AS n FROM "PonPort" GROUP BY "oltId" ORDER BY "oltId"`)).map((r) => r.n);
    for (const n of olts.slice(0, -1)) expect(n).toBeGreaterThanOrEqual(8), expect(n).toBeLessThanOrEqual(16);

    // The index agrees with the database.
    const index = await getTopologyIndex();
    expect(index.loginCount).toBe(fibre!.all);
    const [first] = await q<{ id: number; n: number }>(`SELECT "ctoId" AS id, COUNT(*)::int AS n FROM "Login" WHERE "ctoId" IS NOT NULL GROUP BY "ctoId" ORDER BY "ctoId" LIMIT 1`);
    expect(index.loginsOf("CTO", first!.id).length).toBe(first!.n);
  });
});
