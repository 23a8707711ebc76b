// Stores a drawn maintenance region together with its structural service order: order, region, first
// history event, audit entry and GeoVersion bump in ONE transaction — a region never exists alone.
// A bad polygon is refused (400) before anything is written; a region made from an outage suggestion
// that an open or running order already covers is refused (409) inside the transaction.
import { db } from "../db";
import type { Principal } from "../auth/principal";
import { actorColumns } from "../auth/principal";
import { recordAudit } from "../audit/record-audit";
import { getSettings } from "../settings/get-settings";
import { createRegionSchema } from "../validation/order";
import { bumpRegionsVersion } from "../maintenance/geo-version";
import { checkRegionGeometry } from "./check-region-geometry";
import { findMaintenanceSubjectOrThrow } from "./find-maintenance-subject-or-throw";
import { findRegionOverlaps, type OverlapWarning } from "./find-region-overlaps";
import { saveRegionColumns, type SavedRegion } from "./save-region-columns";
import { assertSuggestionNotCovered } from "../outages/assert-suggestion-not-covered";
import { recordNotificationOutbox } from "../notifications/record-notification-outbox";
import { getIspTimeZone } from "../format/time-zone";
import { checkSchedule, type ScheduleWarning } from "./check-schedule";
import { recordPlannedNotice } from "./record-planned-notice";
import { schedulePlannedStart } from "./planned-start-queue";
import type { EquipmentRef } from "../topology/equipment-outline";

export interface CreatedRegionOrder {
  order: { id: number; number: number; status: "ABERTA"; subjectId: number; subjectName: string; openedAt: Date };
  region: SavedRegion;
  /** Overlaps with other open or running orders, and for planned work the notice and low-use warnings. */
  warnings: (OverlapWarning | ScheduleWarning)[];
  /** Made from an outage suggestion (its customers are being told: OUTAGE_CONFIRMED). */
  fromSuggestion: boolean;
  /** Planned for a future start: its customers are being told (PLANNED_MAINTENANCE) and a job starts it. */
  scheduledStartAt: Date | null;
}

export async function createRegionWithOrder(body: unknown, principal: Principal, opts: { equipment?: EquipmentRef } = {}): Promise<CreatedRegionOrder> {
  const input = createRegionSchema.parse(body);
  const settings = await getSettings();
  const { checked, columns } = checkRegionGeometry(input.region.geometry, settings.maxRegionAreaKm2);
  // topo (issue 17): an order for a plant element — its outline carries the element (lib/topology/equipment-outline.ts).
  if (opts.equipment) columns.geometry = { ...(columns.geometry as object), equipment: { ...opts.equipment } };
  const subject = await findMaintenanceSubjectOrThrow(input.subjectId);
  const start = input.scheduledStartAt;
  const warnings = [
    ...(start ? checkSchedule(start, new Date(), settings, getIspTimeZone()) : []),
    ...(await findRegionOverlaps(checked.geometry, checked.bbox)),
  ];
  const actor = actorColumns(principal);

  const created = await db.$transaction(async (tx) => {
    if (input.fromSuggestion) await assertSuggestionNotCovered(tx, input.fromSuggestion.offlineLoginIds);
    const order = await tx.serviceOrder.create({
      data: {
        subjectId: subject.id,
        description: input.description,
        responsible: input.responsible,
        expectedEndAt: input.expectedEndAt,
        // A window planned in Raio is planned work; announcedAt stays for a notice given outside Raio.
        planned: input.planned || start !== null,
        announcedAt: input.planned ? input.announcedAt : null,
        scheduledStartAt: start,
        status: "ABERTA",
        openedById: actor.userId,
      },
      select: { id: true, number: true, openedAt: true },
    });
    const region = await saveRegionColumns(tx, order.id, columns);
    await tx.serviceOrderEvent.create({
      data: { orderId: order.id, fromStatus: null, toStatus: "ABERTA", ...actor, at: order.openedAt },
    });
    await recordAudit(tx, principal, "order.create", { type: "ServiceOrder", id: order.id }, {
      number: order.number, subjectId: subject.id, regionId: region.id, vertexCount: region.vertexCount,
      areaM2: Math.round(region.areaM2), overlaps: warnings.flatMap((w) => ("number" in w ? [w.number] : [])), ...(start ? { scheduledStartAt: start.toISOString() } : {}),
      fromSuggestion: input.fromSuggestion ? input.fromSuggestion.offlineLoginIds.length : undefined,
      equipment: opts.equipment ? { ...opts.equipment } : undefined,
    });
    // A confirmed outage is told to the customers inside at once (if the subject says so for this event),
    // before anyone executes the order: same transaction, so a rollback tells nobody.
    if (input.fromSuggestion) await recordNotificationOutbox(tx, order.id, "OUTAGE_CONFIRMED");
    if (start) await recordPlannedNotice(tx, order.id, start);
    await bumpRegionsVersion(tx);
    return {
      order: { ...order, status: "ABERTA" as const, subjectId: subject.id, subjectName: subject.name },
      region,
      warnings,
      fromSuggestion: input.fromSuggestion !== undefined,
      scheduledStartAt: start,
    };
  });
  if (start) await schedulePlannedStart(created.order.id, start);
  return created;
}
