// One order with everything its page shows: details, region, status history with names, logins affected.
import { db, Prisma } from "../db";
import { notFound } from "../errors";
import type { AreaGeometry, Bbox } from "../geo/types";
import { countLoginsInRegion } from "../maintenance/login-points";
import { countCustomersInRegion } from "../maintenance/count-customers-in-region";
import { resolveActorNames } from "./resolve-actor-names";

export async function getOrderOrThrow(orderId: number) {
  // One snapshot: Prisma reads the events with a query of their own, and a transition committing between the
  // two would show the header "Aberta" over an "Em Execução" history row.
  const order = await db.$transaction((tx) => tx.serviceOrder.findUnique({
    where: { id: orderId },
    select: {
      id: true, number: true, status: true, description: true, responsible: true, expectedEndAt: true, scheduledStartAt: true,
      planned: true, announcedAt: true, openedAt: true, executedAt: true, finalizedAt: true, cancelledAt: true,
      interruptionStart: true, interruptionEnd: true,
      subject: { select: { id: true, name: true, maintenanceMessage: true } },
      region: { select: { geometry: true, minLng: true, minLat: true, maxLng: true, maxLat: true, iconLng: true, iconLat: true, areaM2: true, vertexCount: true, updatedAt: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true, fromStatus: true, toStatus: true, userId: true, apiTokenId: true, at: true, note: true } },
      _count: { select: { affectedLogins: true } },
    },
  }), { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead });
  if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);

  const region = order.region
    ? {
        geometry: order.region.geometry as unknown as AreaGeometry,
        bbox: [order.region.minLng, order.region.minLat, order.region.maxLng, order.region.maxLat] as Bbox,
        iconLng: order.region.iconLng,
        iconLat: order.region.iconLat,
        areaM2: order.region.areaM2,
        vertexCount: order.region.vertexCount,
        updatedAt: order.region.updatedAt,
      }
    : null;
  // A finalized order keeps the logins frozen at finalization; otherwise count who is inside now.
  const loginsAffected =
    order._count.affectedLogins > 0 ? order._count.affectedLogins : region ? await countLoginsInRegion(region.geometry) : 0;
  // Customers inside the region now (what Executar and Cancelar tell the admin before they act).
  const customersInRegion = region ? await countCustomersInRegion(region.geometry) : 0;

  const { _count, events, region: _r, ...rest } = order;
  return {
    ...rest,
    region,
    loginsAffected,
    customersInRegion,
    events: await resolveActorNames(events),
  };
}

export type OrderDetails = Awaited<ReturnType<typeof getOrderOrThrow>>;
