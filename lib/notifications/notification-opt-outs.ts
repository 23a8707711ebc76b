// LGPD: the channels a customer asked not to be messaged on. Replaced as a whole (the form shows every
// channel), audited; the sender reads the table before every message.
import { db, type NotificationChannel, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { notFound } from "../errors";
import { optOutInputSchema } from "../validation/notifications";

export async function listOptOuts(customerId: number) {
  const customer = await db.customer.findUnique({
    where: { id: customerId },
    select: { id: true, optOuts: { select: { channel: true, createdAt: true }, orderBy: { channel: "asc" } } },
  });
  if (!customer) throw notFound(`Cliente ${customerId} não encontrado.`);
  return customer.optOuts;
}

export async function setOptOuts(customerId: number, input: unknown, principal: Principal) {
  const { channels } = optOutInputSchema.parse(input);
  return db.$transaction(async (tx) => {
    const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { id: true } });
    if (!customer) throw notFound(`Cliente ${customerId} não encontrado.`);
    await tx.notificationOptOut.deleteMany({ where: { customerId, channel: { notIn: channels } } });
    await tx.notificationOptOut.createMany({ data: channels.map((channel: NotificationChannel) => ({ customerId, channel })), skipDuplicates: true });
    await recordAudit(tx, principal, "customer.notification-opt-out", { type: "Customer", id: customerId }, { channels } as Prisma.InputJsonValue);
    return tx.notificationOptOut.findMany({ where: { customerId }, select: { channel: true, createdAt: true }, orderBy: { channel: "asc" } });
  });
}
