// An order's timeline, newest first, with who wrote each entry (name, "token <name>", or null for Raio).
import { db } from "../db";
import { notFound } from "../errors";
import { resolveActorNames } from "./resolve-actor-names";

// An order's timeline is short (a few updates an hour at most): the whole list, capped.
const MAX_UPDATES = 500;

export async function listOrderUpdates(orderId: number) {
  const order = await db.serviceOrder.findUnique({ where: { id: orderId }, select: { id: true } });
  if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
  const rows = await db.orderUpdate.findMany({
    where: { orderId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_UPDATES,
    select: { id: true, kind: true, text: true, previousExpectedEndAt: true, expectedEndAt: true, userId: true, apiTokenId: true, createdAt: true },
  });
  return resolveActorNames(rows);
}

export type OrderUpdateEntry = Awaited<ReturnType<typeof listOrderUpdates>>[number];
