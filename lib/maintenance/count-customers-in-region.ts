// How many customers have a login inside a region (one person with two logins counts once): what an
// admin is told before executing or cancelling an order from the map.
import { getBackend } from "../db";
import type { AreaGeometry } from "../geo/types";
import { findLoginIdsInRegion } from "./login-points";

export async function countCustomersInRegion(geometry: AreaGeometry): Promise<number> {
  const loginIds = await findLoginIdsInRegion(geometry);
  if (loginIds.length === 0) return 0;
  const rows = await getBackend().query<{ n: number }>(
    `SELECT COUNT(DISTINCT k."customerId")::int AS n FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" WHERE l.id = ANY($1::int[])`,
    [loginIds],
  );
  return Number(rows[0]?.n ?? 0);
}
