// A region made from an outage suggestion ("Criar região") is refused when an open or running order
// already covers that suggestion: the second order would be a duplicate. Runs inside the caller's
// transaction after taking the regions stamp's row lock, so two admins clicking "Criar região" on the
// same suggestion at once get one order and one 409.
import type { Prisma } from "../db";
import { conflict } from "../errors";
import { bumpRegionsVersion } from "../maintenance/geo-version";
import { ORDER_STATUS_LABEL } from "../validation/order";
import { findCoveringOrder } from "./find-covering-order";
import { loadActiveRegionsNear, loadLoginPoints, pointsBbox } from "./load-covering-candidates";

export async function assertSuggestionNotCovered(tx: Prisma.TransactionClient, offlineLoginIds: readonly number[]): Promise<void> {
  // Region writers bump this row in their transaction: holding it serializes them with this check.
  await bumpRegionsVersion(tx);
  const points = await loadLoginPoints(offlineLoginIds, tx);
  const bbox = pointsBbox(points);
  if (!bbox) return;
  const covering = findCoveringOrder(points, await loadActiveRegionsNear(bbox, tx));
  if (covering) {
    throw conflict(
      `Esta sugestão de interrupção já está coberta pela OS ${covering.number} (${ORDER_STATUS_LABEL[covering.status]}): nenhuma OS nova foi criada.`,
      { code: "SUGGESTION_COVERED", orderId: covering.orderId, number: covering.number },
    );
  }
}
