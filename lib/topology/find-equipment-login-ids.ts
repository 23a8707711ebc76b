// The logins of a plant element (CTO, PON port, OLT) as a region's members: from the plant index, ascending,
// keeping only logins with a location (the installation point or the customer's) — as a drawn region holds
// only located logins, and an order's frozen "Logins Afetados" need a point each.
import { getBackend } from "../db";
import type { EquipmentRef } from "./equipment-outline";
import { getTopologyIndex } from "./get-topology-index";

const LOCATED_SQL = `SELECT l.id FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" JOIN "Customer" c ON c.id = k."customerId"
  WHERE l.id = ANY($1::int[]) AND COALESCE(l.lat, c.lat) IS NOT NULL AND COALESCE(l.lng, c.lng) IS NOT NULL ORDER BY l.id`;

export async function findEquipmentLoginIds(equipment: Pick<EquipmentRef, "kind" | "id">): Promise<number[]> {
  const ids = (await getTopologyIndex()).loginsOf(equipment.kind, equipment.id);
  if (ids.length === 0) return [];
  return (await getBackend().query<{ id: number }>(LOCATED_SQL, [Array.from(ids)])).map((r) => r.id);
}
