// Demo FTTH plant for the seeded fibre logins (generate-plant.ts): OLTs, PON ports and CTOs bulk-inserted, and
// every fibre login hung from a CTO port — a few set-based statements, so the seed stays fast at 1M customers.
// Separate from the customer generation: call it once the logins exist.
import { getBackend } from "../../lib/db";
import { bulkInsert, type BulkColumn } from "../../lib/db/bulk-insert";
import { bumpLoginsVersion } from "../../lib/maintenance/geo-version";
import { generatePlant } from "./generate-plant";

const col = (name: string, type: string): BulkColumn => ({ name, type });
// Logins updated per statement (bounded parameter arrays).
const UPDATE_PAGE = 100_000;

export async function seedFtthPlant(rng: () => number): Promise<{ olts: number; pons: number; ctos: number; logins: number }> {
  // Read before the transaction opens: on PGlite (one connection) a read outside it would wait for it.
  const rows = await getBackend().query<{ id: number; lng: number; lat: number }>(
    `SELECT l.id, COALESCE(l.lng, c.lng) AS lng, COALESCE(l.lat, c.lat) AS lat
       FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" JOIN "Customer" c ON c.id = k."customerId"
      WHERE l.technology = 'FIBRA' AND COALESCE(l.lng, c.lng) IS NOT NULL AND COALESCE(l.lat, c.lat) IS NOT NULL
      ORDER BY l.id`,
  );
  const plan = generatePlant(Float64Array.from(rows, (r) => Number(r.lng)), Float64Array.from(rows, (r) => Number(r.lat)), rng);
  // Straight on the driver: Prisma's query compiler would cost as much CPU per large UPDATE as PostgreSQL does.
  return getBackend().transaction(async (tx) => {
  await bulkInsert(tx, "Olt", [col("id", "int"), col("externalId", "text"), col("name", "text"), col("lat", "float8"), col("lng", "float8")],
    plan.olts.map((o, i) => ({ id: i + 1, externalId: `demo-olt-${i + 1}`, name: o.name, lat: o.lat, lng: o.lng })));
  await bulkInsert(tx, "PonPort", [col("id", "int"), col("externalId", "text"), col("oltId", "int"), col("label", "text")],
    plan.pons.map((p, i) => ({ id: i + 1, externalId: `demo-pon-${i + 1}`, oltId: p.olt + 1, label: p.label })));
  await bulkInsert(tx, "Cto", [col("id", "int"), col("externalId", "text"), col("name", "text"), col("lat", "float8"), col("lng", "float8"), col("capacity", "int"), col("ponId", "int")],
    plan.ctos.map((c, i) => ({ id: i + 1, externalId: `demo-cto-${i + 1}`, name: c.name, lat: c.lat, lng: c.lng, capacity: c.capacity, ponId: c.pon + 1 })));
  for (let from = 0; from < rows.length; from += UPDATE_PAGE) {
    const page = rows.slice(from, from + UPDATE_PAGE);
    await tx.$executeRawUnsafe(
      `UPDATE "Login" AS l SET "ctoId" = v.cto, "ctoPort" = v.port FROM unnest($1::int[], $2::int[], $3::int[]) AS v(id, cto, port) WHERE l.id = v.id`,
      page.map((r) => r.id), page.map((_, k) => plan.loginCto[from + k]! + 1), page.map((_, k) => plan.loginPort[from + k]!),
    );
  }
  for (const table of ["Olt", "PonPort", "Cto"]) {
    await tx.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX(id) FROM "${table}"), 1))`);
  }
  await bumpLoginsVersion(tx);
  return { olts: plan.olts.length, pons: plan.pons.length, ctos: plan.ctos.length, logins: rows.length };
  });
}
