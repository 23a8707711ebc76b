// The order's "Contatos" tab: contacts received from customers inside the region while the order was
// executing, and whether each got the maintenance message automatically.
import { db, getBackend } from "../db";
import { notFound } from "../errors";
import type { AreaGeometry } from "../geo/types";
import { findLoginIdsInRegion } from "../maintenance/login-points";

// Contacts listed per page.
const PAGE_SIZE = 50;

export async function listOrderContacts(orderId: number, page = 1) {
  const order = await db.serviceOrder.findUnique({
    where: { id: orderId },
    select: { id: true, number: true, status: true, executedAt: true, finalizedAt: true, cancelledAt: true, region: { select: { geometry: true } } },
  });
  if (!order) throw notFound(`OS ${orderId} não encontrada.`);
  if (!order.executedAt) return { order, total: 0, sent: 0, rows: [], page, pageSize: PAGE_SIZE };
  const until = order.finalizedAt ?? order.cancelledAt ?? new Date();
  // Who was inside: the frozen list once finalized, the live index otherwise.
  const loginIds =
    order.status === "FINALIZADA"
      ? (await db.affectedLogin.findMany({ where: { orderId }, select: { loginId: true } })).map((r) => r.loginId)
      : order.region
        ? await findLoginIdsInRegion(order.region.geometry as unknown as AreaGeometry)
        : [];
  const q = getBackend().query.bind(getBackend());
  const base = `
    FROM "Contact" c
    JOIN "Customer" cu ON cu.id = c."customerId"
    LEFT JOIN "ContactNotification" n ON n."contactId" = c.id AND n."orderId" = $1
   WHERE c."receivedAt" >= $2 AND c."receivedAt" <= $3
     AND (n.id IS NOT NULL OR c."customerId" IN (
           SELECT k."customerId" FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" WHERE l.id = ANY($4::int[])))`;
  const params = [orderId, order.executedAt, until, loginIds];
  const [counts] = await q<{ total: number; sent: number }>(
    `SELECT COUNT(*)::int AS total, COUNT(n.id)::int AS sent ${base}`,
    params,
  );
  const rows = await q<{ id: number; receivedAt: Date; channel: string; text: string | null; customerId: number; customerName: string; messageSent: boolean; message: string | null }>(
    `SELECT c.id, c."receivedAt", c.channel, c.text, cu.id AS "customerId", cu.name AS "customerName",
            (n.id IS NOT NULL) AS "messageSent", n.message
     ${base} ORDER BY c."receivedAt" DESC, c.id DESC LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`,
    params,
  );
  return { order, total: counts?.total ?? 0, sent: counts?.sent ?? 0, rows, page, pageSize: PAGE_SIZE };
}
