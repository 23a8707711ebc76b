// What executing an order sets off, for the confirmation a person reads before clicking: how many
// customers and logins are inside its region now, the subject's message they will get when they contact
// support, and whether the outgoing webhook will be called (its host only; the URL may carry a token).
import { db, getBackend } from "../db";
import { notFound } from "../errors";
import type { AreaGeometry } from "../geo/types";
import { findLoginIdsInRegion } from "../maintenance/login-points";
import { getWebhookConfig } from "../webhooks/webhook-config";

export interface OrderExecutionDescription {
  logins: number;
  customers: number;
  subject: { name: string; message: string | null };
  /** Host of the configured webhook, or null when none is configured. */
  webhookHost: string | null;
}

export async function describeOrderExecution(orderId: number): Promise<OrderExecutionDescription> {
  const order = await db.serviceOrder.findUnique({
    where: { id: orderId },
    select: { subject: { select: { name: true, maintenanceMessage: true } }, region: { select: { geometry: true } } },
  });
  if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
  const ids = order.region ? await findLoginIdsInRegion(order.region.geometry as unknown as AreaGeometry) : [];
  const [counts] = ids.length
    ? await getBackend().query<{ logins: number; customers: number }>(
        `SELECT COUNT(*)::int AS logins, COUNT(DISTINCT k."customerId")::int AS customers
           FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" WHERE l.id = ANY($1::int[])`,
        [ids],
      )
    : [{ logins: 0, customers: 0 }];
  const webhook = await getWebhookConfig();
  return {
    logins: counts?.logins ?? 0,
    customers: counts?.customers ?? 0,
    subject: { name: order.subject.name, message: order.subject.maintenanceMessage?.trim() || null },
    // Delivery needs both the URL and the signing secret (see lib/webhooks/fire-order-webhook.ts).
    webhookHost: webhook.url && webhook.secret ? new URL(webhook.url).host : null,
  };
}
