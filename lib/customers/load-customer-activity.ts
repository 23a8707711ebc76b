// The customer page's history: recent contacts (atendimentos) and the audited actions on the customer and
// their contracts, with who performed them. Three queries whatever the history's size.
import { db } from "../db";

/** Rows shown in each history list of the customer page. */
export const ACTIVITY_LIMIT = 10;

const ACTION_LABELS: Record<string, string> = {
  "contract.trust-unlock": "Desbloqueio de confiança",
  "contract.trust-unlock-expired": "Desbloqueio de confiança expirado: bloqueio restaurado",
  "contract.invoice-copy": "Segunda via de fatura",
};

export async function loadCustomerActivity(customerId: number, contractIds: readonly number[]) {
  const [contacts, audits] = await Promise.all([
    db.contact.findMany({
      where: { customerId },
      orderBy: { receivedAt: "desc" },
      take: ACTIVITY_LIMIT,
      select: {
        id: true, channel: true, text: true, receivedAt: true, maintenanceMessageSent: true,
        notifications: { select: { order: { select: { number: true } } } },
      },
    }),
    db.auditLog.findMany({
      where: {
        OR: [
          { entityType: "Contract", entityId: { in: contractIds.map(String) } },
          { entityType: "Customer", entityId: String(customerId) },
        ],
      },
      orderBy: { at: "desc" },
      take: ACTIVITY_LIMIT,
      select: { id: true, at: true, action: true, entityType: true, entityId: true, userId: true, apiTokenId: true, data: true },
    }),
  ]);
  const userIds = [...new Set(audits.map((a) => a.userId).filter((id): id is number => id !== null))];
  const tokenIds = [...new Set(audits.map((a) => a.apiTokenId).filter((id): id is number => id !== null))];
  const [users, tokens] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    tokenIds.length ? db.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true } }) : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const tokenName = new Map(tokens.map((t) => [t.id, t.name]));
  return {
    contacts: contacts.map((c) => ({
      id: c.id,
      channel: c.channel,
      text: c.text,
      receivedAt: c.receivedAt,
      maintenanceMessageSent: c.maintenanceMessageSent,
      orders: c.notifications.map((n) => n.order.number),
    })),
    actions: audits.map((a) => ({
      id: String(a.id),
      at: a.at,
      action: a.action,
      label: ACTION_LABELS[a.action] ?? a.action,
      contractId: a.entityType === "Contract" ? Number(a.entityId) : null,
      by:
        a.userId !== null
          ? (userName.get(a.userId) ?? `usuário ${a.userId}`)
          : a.apiTokenId !== null
            ? `token ${tokenName.get(a.apiTokenId) ?? a.apiTokenId}`
            : "sistema",
      data: a.data,
    })),
  };
}
