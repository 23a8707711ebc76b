// "Criar OS para este equipamento": an OS de Estrutura whose affected logins are exactly a CTO's, PON's or
// OLT's logins. It is an ordinary region order (same life cycle, messages, notifications and discounts:
// lib/orders/create-region-with-order.ts) whose region is the element's derived outline carrying the element
// (equipment-outline.ts), so every path that asks a region for its logins gets the element's.
import { getBackend } from "../db";
import { AppError, notFound } from "../errors";
import type { Principal } from "../auth/principal";
import { createRegionWithOrder, type CreatedRegionOrder } from "../orders/create-region-with-order";
import { createEquipmentOrderSchema } from "../validation/topology";
import { deriveOutline, type EquipmentRef } from "./equipment-outline";
import { findEquipmentLoginIds } from "./find-equipment-login-ids";
import { getTopologyIndex } from "./get-topology-index";
import type { ElementKind } from "./topology-index";

const KIND_NAME: Record<ElementKind, string> = { CTO: "CTO", PON: "PON", OLT: "OLT" };

/** The element's display name ("CTO 00042", "OLT 03 PON 0/1/2"), or null when it does not exist. */
export async function describeElement(kind: ElementKind, id: number): Promise<string | null> {
  const index = await getTopologyIndex();
  const i = index.indexOf(kind, id);
  if (i < 0) return null;
  const { plant } = index;
  if (kind === "CTO") return plant.ctos.names[i]!;
  if (kind === "OLT") return plant.olts.names[i]!;
  const olt = index.oltOfPon(i);
  return `${olt >= 0 ? plant.olts.names[olt] : "OLT"} PON ${plant.pons.labels[i]}`;
}

export async function createEquipmentOrder(body: unknown, principal: Principal): Promise<CreatedRegionOrder & { equipment: EquipmentRef; loginCount: number }> {
  const { element } = createEquipmentOrderSchema.parse(body);
  // The order's own fields go on as sent: createRegionWithOrder parses them with the region's schema.
  const { element: _element, ...fields } = body as Record<string, unknown>;
  void _element;
  const name = await describeElement(element.kind, element.id);
  if (name === null) throw notFound(`${KIND_NAME[element.kind]} ${element.id} não encontrada.`);
  const ids = await findEquipmentLoginIds(element);
  if (ids.length === 0) {
    throw new AppError("VALIDATION", `${name} não tem logins com localização: não há quem avisar nem região para mostrar.`, { field: "element" });
  }
  const points = await getBackend().query<{ lng: number; lat: number }>(
    `SELECT COALESCE(l.lng, c.lng) AS lng, COALESCE(l.lat, c.lat) AS lat
       FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" JOIN "Customer" c ON c.id = k."customerId" WHERE l.id = ANY($1::int[])`,
    [ids],
  );
  const outline = deriveOutline(points.map((p) => [Number(p.lng), Number(p.lat)] as [number, number]));
  const equipment: EquipmentRef = { kind: element.kind, id: element.id, name };
  const created = await createRegionWithOrder({ ...fields, region: { type: "Feature", properties: {}, geometry: outline } }, principal, { equipment });
  return { ...created, equipment, loginCount: ids.length };
}
