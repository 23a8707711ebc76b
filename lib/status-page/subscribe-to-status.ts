// A visitor asks for notices about one CEP (double opt-in): the subscription is stored pending with a fresh
// confirmation token (only its SHA-256 is kept) and the link is sent through the chosen channel. Nothing else
// is sent until the link is followed. The answer is the same whether the address was new, pending or
// already confirmed, so the form does not reveal who subscribed. A pending address gets at most one
// confirmation per RESEND_AFTER_MS (nobody can use the form to flood a third party's inbox).
import { randomBytes } from "node:crypto";
import { db } from "../db";
import { badRequest } from "../errors";
import { hashSecret } from "../auth/hash-secret";
import { uniqueViolationFields } from "../db/unique-violation";
import { subscribeFormSchema } from "../validation/status-page";
import type { StatusSnapshot } from "./load-status-snapshot";
import { formatCep } from "./lookup-status";
import { sendStatusMessage } from "./send-status-message";

/** Shortest time between two confirmation messages to the same pending address (10 min). */
export const RESEND_AFTER_MS = 10 * 60_000;
/** How long a confirmation link works (48 h). */
export const CONFIRM_TTL_MS = 48 * 3_600_000;

const token = () => randomBytes(32).toString("base64url");

export interface SubscribeResult {
  channel: "EMAIL" | "WHATSAPP";
  address: string;
  cep: string;
  /** False when no message went out (already confirmed, or a confirmation was sent moments ago). */
  sent: boolean;
}

export async function subscribeToStatus(input: unknown, snapshot: StatusSnapshot, baseUrl: string): Promise<SubscribeResult> {
  const form = subscribeFormSchema.parse(input);
  if (!snapshot.knownCeps.has(form.cep)) {
    throw badRequest(`CEP ${formatCep(form.cep)} não encontrado na nossa área de atendimento.`, "cep");
  }
  const channel = form.canal === "email" ? "EMAIL" : "WHATSAPP";
  const key = { channel, address: form.contato, cep: form.cep } as const;
  const confirmToken = token();
  const now = new Date();
  const claimed = await db.$transaction(async (tx) => {
    const existing = await tx.statusSubscription.findUnique({
      where: { channel_address_cep: key },
      select: { id: true, confirmedAt: true, unsubscribedAt: true, confirmSentAt: true },
    });
    if (existing && existing.confirmedAt && !existing.unsubscribedAt) return false;
    if (existing && !existing.confirmedAt && existing.confirmSentAt && now.getTime() - existing.confirmSentAt.getTime() < RESEND_AFTER_MS) return false;
    const fresh = { confirmTokenHash: hashSecret(confirmToken), confirmSentAt: now, confirmedAt: null, unsubscribedAt: null, unsubscribeToken: token() };
    if (existing) await tx.statusSubscription.update({ where: { id: existing.id }, data: fresh });
    else await tx.statusSubscription.create({ data: { ...key, ...fresh } });
    return true;
  }).catch((err: unknown) => {
    // The same address submitted twice at once: the other request sends the link.
    if (uniqueViolationFields(err) !== null) return false;
    throw err;
  });
  if (!claimed) return { ...key, sent: false };
  const link = `${baseUrl}/status/confirmar?token=${confirmToken}`;
  const provider = snapshot.settings.providerName;
  try {
    await sendStatusMessage({
      channel, to: form.contato, event: "STATUS_SUBSCRIPTION_CONFIRM",
      subject: `${provider}: confirme os avisos de manutenção`,
      text: `Olá! Recebemos um pedido para avisar este contato sobre manutenções da ${provider} no CEP ${formatCep(form.cep)}.\n`
        + `Para confirmar, abra: ${link}\nSe não foi você, ignore esta mensagem: nada será enviado.`,
    }, snapshot.settings);
  } catch (err) {
    // Not sent: the next attempt may send again at once.
    await db.statusSubscription.updateMany({ where: { ...key, confirmedAt: null }, data: { confirmSentAt: null } });
    throw err;
  }
  return { ...key, sent: true };
}
