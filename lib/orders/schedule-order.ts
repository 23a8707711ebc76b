// Plans (or re-plans) the window of an Aberta order: planned start and expected end. In ONE transaction: the
// guarded update (only while Aberta), the forecast entry of the timeline when the expected end changed, the
// PLANNED_MAINTENANCE notice (outbox), the audit entry. After the commit, the job that starts the order at its
// time (lib/orders/planned-start-queue.ts). Warnings (short notice, outside the low-use window, overlap with
// another open or running order on the same area) are returned, never refused.
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { actorColumns, type Principal } from "../auth/principal";
import { recordAudit } from "../audit/record-audit";
import { getSettings } from "../settings/get-settings";
import { getIspTimeZone } from "../format/time-zone";
import { scheduleOrderSchema } from "../validation/order";
import type { AreaGeometry, Bbox } from "../geo/types";
import { checkSchedule, type ScheduleWarning } from "./check-schedule";
import { findRegionOverlaps, type OverlapWarning } from "./find-region-overlaps";
import { recordPlannedNotice } from "./record-planned-notice";
import { schedulePlannedStart } from "./planned-start-queue";
import { statusLabel } from "./order-life-cycle";

export interface ScheduledOrder {
  order: { id: number; number: number; scheduledStartAt: Date; expectedEndAt: Date | null };
  warnings: (ScheduleWarning | OverlapWarning)[];
}

export async function scheduleOrder(orderId: number, body: unknown, principal: Principal): Promise<ScheduledOrder> {
  const input = scheduleOrderSchema.parse(body);
  const settings = await getSettings();
  const region = await db.maintenanceRegion.findUnique({
    where: { serviceOrderId: orderId }, select: { geometry: true, minLng: true, minLat: true, maxLng: true, maxLat: true },
  });
  const overlaps = region
    ? await findRegionOverlaps(region.geometry as unknown as AreaGeometry, [region.minLng, region.minLat, region.maxLng, region.maxLat] as Bbox, orderId)
    : [];
  const warnings = [...checkSchedule(input.scheduledStartAt, new Date(), settings, getIspTimeZone()), ...overlaps];

  const order = await db.$transaction(async (tx) => {
    const before = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { number: true, status: true, scheduledStartAt: true, expectedEndAt: true } });
    if (!before) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
    const { count } = await tx.serviceOrder.updateMany({
      where: { id: orderId, status: "ABERTA" },
      data: { scheduledStartAt: input.scheduledStartAt, expectedEndAt: input.expectedEndAt, planned: true },
    });
    if (count === 0) {
      const now = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { status: true } });
      throw new AppError("INVALID_TRANSITION", `A OS ${before.number} está ${statusLabel(now?.status ?? before.status)}: só uma OS Aberta pode ser programada.`, {
        details: { currentStatus: now?.status ?? before.status },
      });
    }
    if ((before.expectedEndAt?.getTime() ?? null) !== (input.expectedEndAt?.getTime() ?? null)) {
      await tx.orderUpdate.create({
        data: { orderId, kind: "FORECAST", previousExpectedEndAt: before.expectedEndAt, expectedEndAt: input.expectedEndAt, ...actorColumns(principal) },
      });
    }
    await recordPlannedNotice(tx, orderId, input.scheduledStartAt);
    await recordAudit(tx, principal, "order.schedule", { type: "ServiceOrder", id: orderId }, {
      number: before.number,
      from: { scheduledStartAt: before.scheduledStartAt?.toISOString() ?? null, expectedEndAt: before.expectedEndAt?.toISOString() ?? null },
      to: { scheduledStartAt: input.scheduledStartAt.toISOString(), expectedEndAt: input.expectedEndAt?.toISOString() ?? null },
      warnings: warnings.map((w) => w.code),
    });
    return { id: orderId, number: before.number, scheduledStartAt: input.scheduledStartAt, expectedEndAt: input.expectedEndAt };
  });
  await schedulePlannedStart(orderId, order.scheduledStartAt);
  return { order, warnings };
}
