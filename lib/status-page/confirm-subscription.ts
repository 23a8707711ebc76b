// The confirmation link (double opt-in) and the one-click unsubscribe link. Both are guarded updates: a
// token works once for confirming (then it is cleared) and an expired confirmation does nothing.
import { db } from "../db";
import { hashSecret } from "../auth/hash-secret";
import { CONFIRM_TTL_MS } from "./subscribe-to-status";

export interface SubscriptionView {
  cep: string;
  channel: "EMAIL" | "WHATSAPP" | "SMS" | "WEBHOOK";
  unsubscribeToken: string;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,100}$/;

/** Confirms the subscription whose link carries `token`; null when it is unknown, used or expired. */
export async function confirmSubscription(token: string, now = new Date()): Promise<SubscriptionView | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const hash = hashSecret(token);
  return db.$transaction(async (tx) => {
    const row = await tx.statusSubscription.findUnique({
      where: { confirmTokenHash: hash },
      select: { id: true, cep: true, channel: true, unsubscribeToken: true, confirmSentAt: true },
    });
    if (!row?.confirmSentAt || now.getTime() - row.confirmSentAt.getTime() > CONFIRM_TTL_MS) return null;
    const done = await tx.statusSubscription.updateMany({
      where: { id: row.id, confirmTokenHash: hash, confirmedAt: null, unsubscribedAt: null },
      data: { confirmedAt: now, confirmTokenHash: null },
    });
    return done.count === 0 ? null : { cep: row.cep, channel: row.channel, unsubscribeToken: row.unsubscribeToken };
  });
}

/** Switches the subscription off (idempotent: a second click says the same); null for an unknown token. */
export async function unsubscribe(token: string, now = new Date()): Promise<{ cep: string } | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  await db.statusSubscription.updateMany({ where: { unsubscribeToken: token, unsubscribedAt: null }, data: { unsubscribedAt: now, confirmTokenHash: null } });
  return db.statusSubscription.findUnique({ where: { unsubscribeToken: token }, select: { cep: true } });
}
