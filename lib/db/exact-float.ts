// Doubles whose exact value matters (coordinates, region geometry) are written as TEXT and converted by
// PostgreSQL, never as Prisma number parameters.
//
// Why: Prisma 6.19's query engine reads the numbers of every query (model writes AND raw-query parameters)
// with a fast float parser that misses the nearest double for about a third of values with 16–17
// significant digits (prisma/orm#11096, #22249): -22.913420483699976 was stored as -22.91342048369998,
// which moved logins lying exactly on a region's edge outside it. Reads through Prisma are exact, and so
// is PostgreSQL's own text → float8 / jsonb conversion; JavaScript's String(x) is the shortest text that
// reads back as the same double. So: text in, `::float8` / `::jsonb` in SQL, and the value is kept bit for
// bit on PGlite and on PostgreSQL.
import type { Prisma } from "./generated/client";

/** A double as the text PostgreSQL parses back to exactly the same double (null stays null). */
export function floatText(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value)) throw new RangeError(`Número não finito: ${value}`);
  // -0 → "0" would lose the sign: keep it (a longitude of -0 is harmless, but bit for bit means bit for bit).
  return Object.is(value, -0) ? "-0" : String(value);
}

export interface PointRow {
  id: number;
  lat: number | null;
  lng: number | null;
}

/** Sets lat/lng of many Customer or Login rows exactly, in ONE statement (inside the caller's transaction). */
export async function writeExactPoints(tx: Prisma.TransactionClient, table: "Customer" | "Login", rows: readonly PointRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRawUnsafe(
    `UPDATE "${table}" AS t SET lat = v.lat::float8, lng = v.lng::float8
       FROM unnest($1::int[], $2::text[], $3::text[]) AS v(id, lat, lng)
      WHERE t.id = v.id`,
    rows.map((r) => r.id),
    rows.map((r) => floatText(r.lat)),
    rows.map((r) => floatText(r.lng)),
  );
}
