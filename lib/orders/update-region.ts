// Replaces the polygon of an Aberta order (vertices dragged on the map), re-validated like a new one.
// The order row is locked by a guarded no-op update first, so a concurrent Executar either waits for
// this edit or wins and makes it fail with 409 — an executing region never changes shape.
import { db } from "../db";
import { AppError, notFound } from "../errors";
import type { Principal } from "../auth/principal";
import { recordAudit } from "../audit/record-audit";
import { getSettings } from "../settings/get-settings";
import { updateRegionSchema } from "../validation/order";
import { bumpRegionsVersion } from "../maintenance/geo-version";
import { checkRegionGeometry } from "./check-region-geometry";
import { findRegionOverlaps, type OverlapWarning } from "./find-region-overlaps";
import { saveRegionColumns, type SavedRegion } from "./save-region-columns";
import { statusLabel } from "./order-life-cycle";

export interface UpdatedRegion {
  region: SavedRegion;
  warnings: OverlapWarning[];
}

export async function updateRegion(orderId: number, body: unknown, principal: Principal): Promise<UpdatedRegion> {
  const input = updateRegionSchema.parse(body);
  const settings = await getSettings();
  const { checked, columns } = checkRegionGeometry(input.region.geometry, settings.maxRegionAreaKm2);
  const warnings = await findRegionOverlaps(checked.geometry, checked.bbox, orderId);

  return db.$transaction(async (tx) => {
    const { count } = await tx.serviceOrder.updateMany({ where: { id: orderId, status: "ABERTA" }, data: { status: "ABERTA" } });
    if (count === 0) {
      const o = await tx.serviceOrder.findUnique({ where: { id: orderId }, select: { number: true, status: true } });
      if (!o) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
      throw new AppError("INVALID_TRANSITION", `A OS ${o.number} está ${statusLabel(o.status)}: só a região de uma OS Aberta pode ser editada.`, {
        details: { currentStatus: o.status },
      });
    }
    const before = await tx.maintenanceRegion.findUnique({ where: { serviceOrderId: orderId }, select: { areaM2: true, vertexCount: true } });
    if (!before) throw notFound(`A OS ${orderId} não tem região.`);
    const region = await saveRegionColumns(tx, orderId, columns);
    await recordAudit(tx, principal, "order.region.update", { type: "ServiceOrder", id: orderId }, {
      before: { areaM2: Math.round(before.areaM2), vertexCount: before.vertexCount },
      after: { areaM2: Math.round(region.areaM2), vertexCount: region.vertexCount },
    });
    await bumpRegionsVersion(tx);
    return { region, warnings };
  });
}
