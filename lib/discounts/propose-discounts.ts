// The downtime discounts an order's finalization would apply: one line per affected contract (a contract
// with several logins in the region counts once), priced by the rule the subject or the settings choose.
//
// Planned work (Anatel RQUAL) is exempt PER CUSTOMER: a customer's notice is the earlier of
//   - their own PLANNED_MAINTENANCE notice sent by Raio (Notification.sentAt, status SENT, any channel, for the
//     order's current planned start: lib/discounts/find-planned-notices.ts), and
//   - the order's announcedAt, a notice given outside Raio (letter, radio, the ISP's site) that reached everyone;
// and only customers told at least plannedNoticeHours (settings, default 72) before the interruption start
// are exempt. Everyone else — never told, told late, or told only of an earlier plan — is refunded.
import { db, getBackend } from "../db";
import { badRequest, notFound, AppError } from "../errors";
import type { AreaGeometry } from "../geo/types";
import { findLoginIdsInRegion } from "../maintenance/login-points";
import { getSettings } from "../settings/get-settings";
import { computeDiscount } from "./compute-discount";
import { findPlannedNotices } from "./find-planned-notices";
import { summarizeDiscounts, type NoDiscountCause, type NoDiscountGroup } from "./summarize-discounts";
import type { DiscountRule } from "../db";

export interface DiscountProposalLine {
  contractId: number;
  contractExternalId: string | null;
  customerId: number;
  customerName: string;
  planName: string;
  priceCents: number;
  minutes: number;
  proposedCents: number;
  eligible: boolean;
  reason: string;
  /** Why proposedCents is 0 (null when there is an amount): such a contract gets no Discount row. */
  noDiscountCause: NoDiscountCause | null;
}

export interface DiscountProposal {
  order: { id: number; number: number; status: string; planned: boolean; announcedAt: Date | null };
  rule: DiscountRule;
  interruptionStart: Date;
  interruptionEnd: Date;
  affectedLoginIds: number[];
  affectedCustomers: number;
  lines: DiscountProposalLine[];
  totalCents: number;
  /** "12 desconto(s), total R$ 3,40. Sem desconto para 5 contrato(s): …" and the groups behind it. */
  summary: string;
  withoutDiscount: NoDiscountGroup[];
  /** Planned order under RQUAL: how many customers were told in time (exempt) and how many not; else null. */
  plannedNotice: PlannedNoticeSummary | null;
}

export interface PlannedNoticeSummary {
  noticeHours: number;
  /** Affected customers told at least noticeHours ahead: exempt. */
  exempt: number;
  /** Told, but later than that: refunded. */
  late: number;
  /** Never told (no SENT notice and no announcedAt): refunded. */
  notNotified: number;
  /** One sentence for the finalize screen. */
  sentence: string;
}

const HOUR_MS = 3_600_000;
const NUMBER = new Intl.NumberFormat("pt-BR");

function describePlannedNotice(noticeHours: number, exempt: number, late: number, notNotified: number): PlannedNoticeSummary {
  const total = exempt + late + notNotified;
  const refunded = [late ? `${NUMBER.format(late)} avisado(s) com menos de ${noticeHours} h` : "", notNotified ? `${NUMBER.format(notNotified)} sem aviso registrado` : ""].filter(Boolean).join(", ");
  const sentence = `Interrupção programada: ${NUMBER.format(exempt)} de ${NUMBER.format(total)} cliente(s) avisado(s) com ${noticeHours} h ou mais de antecedência (isentos)` +
    (refunded ? `; ressarcidos: ${refunded}.` : ".");
  return { noticeHours, exempt, late, notNotified, sentence };
}

/**
 * What pricing needs that is quick to read: the order (which must be executing), the interruption, the rule and
 * the notice settings, the planned notices, and the logins inside the region (from the in-memory index).
 */
export interface ProposalBasis {
  order: { id: number; number: number; status: string; planned: boolean; announcedAt: Date | null };
  rule: DiscountRule;
  noticeHours: number;
  interruptionStart: Date;
  interruptionEnd: Date;
  /** Each customer's planned-work notice sent by Raio (planned orders only). */
  notices: Map<number, Date>;
  affectedLoginIds: number[];
}

export async function loadProposalBasis(orderId: number, opts: { interruptionStart?: Date; interruptionEnd?: Date; now?: Date } = {}): Promise<ProposalBasis> {
  const order = await db.serviceOrder.findUnique({
    where: { id: orderId },
    select: {
      id: true, number: true, status: true, planned: true, announcedAt: true, scheduledStartAt: true, executedAt: true, openedAt: true,
      subject: { select: { discountRule: true } }, region: { select: { geometry: true } },
    },
  });
  if (!order) throw notFound(`OS ${orderId} não encontrada.`);
  if (order.status !== "EM_EXECUCAO") {
    throw new AppError("INVALID_TRANSITION", `Só uma OS Em Execução pode ser finalizada com descontos (a OS ${order.number} não está).`);
  }
  const interruptionStart = opts.interruptionStart ?? order.executedAt ?? order.openedAt;
  const interruptionEnd = opts.interruptionEnd ?? opts.now ?? new Date();
  if (interruptionEnd.getTime() < interruptionStart.getTime()) {
    throw badRequest("O fim da interrupção é anterior ao início.", "interruptionEnd");
  }
  const settings = await getSettings();
  const notices = order.planned ? await findPlannedNotices(order.id, order.scheduledStartAt) : new Map<number, Date>();
  const affectedLoginIds = order.region ? await findLoginIdsInRegion(order.region.geometry as unknown as AreaGeometry) : [];
  return {
    order: { id: order.id, number: order.number, status: order.status, planned: order.planned, announcedAt: order.announcedAt },
    rule: order.subject.discountRule ?? settings.discountRule,
    noticeHours: settings.plannedNoticeHours,
    interruptionStart, interruptionEnd, notices, affectedLoginIds,
  };
}

export async function proposeDiscounts(orderId: number, opts: { interruptionStart?: Date; interruptionEnd?: Date; now?: Date } = {}): Promise<DiscountProposal> {
  return priceProposal(await loadProposalBasis(orderId, opts));
}

/** The affected contracts (one read on the pool) and each one's discount under the basis's rule. */
export async function priceProposal(basis: ProposalBasis): Promise<DiscountProposal> {
  const { order, rule, noticeHours, interruptionStart, interruptionEnd, notices, affectedLoginIds } = basis;
  /** This customer's notice: the earlier of Raio's SENT notice and the order-wide announcement. */
  const noticeOf = (customerId: number): Date | null => {
    const own = notices.get(customerId) ?? null;
    if (!own || !order.announcedAt) return own ?? order.announcedAt;
    return own.getTime() < order.announcedAt.getTime() ? own : order.announcedAt;
  };
  const contracts = affectedLoginIds.length
    ? await getBackend().query<{ contractId: number; contractExternalId: string | null; customerId: number; customerName: string; planName: string; priceCents: number }>(
        `SELECT DISTINCT k.id AS "contractId", k."externalId" AS "contractExternalId", c.id AS "customerId", c.name AS "customerName",
                p.name AS "planName", p."priceCents"
           FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" JOIN "Customer" c ON c.id = k."customerId" JOIN "Plan" p ON p.id = k."planId"
          WHERE l.id = ANY($1::int[]) AND k.status <> 'DESISTIU' AND k.status <> 'INATIVO'
          ORDER BY c.name, k.id`,
        [affectedLoginIds],
      )
    : [];
  const affectedCustomers = new Set(contracts.map((c) => c.customerId)).size;
  // The rule is pure and only the price and the customer's notice vary between contracts: a city-wide outage
  // has tens of thousands of contracts but a handful of (plan price, notice) pairs, each priced once.
  const priced = new Map<string, ReturnType<typeof computeDiscount>>();
  const lines = contracts.map((c) => {
    const announcedAt = noticeOf(c.customerId);
    const key = `${c.priceCents}|${announcedAt?.getTime() ?? ""}`;
    let d = priced.get(key);
    if (!d) {
      d = computeDiscount(rule, { monthlyFeeCents: c.priceCents, interruptionStart, interruptionEnd, planned: order.planned, announcedAt, affectedCustomers, noticeHours });
      priced.set(key, d);
    }
    return { ...c, minutes: d.minutes, proposedCents: d.eligible ? d.amountCents : 0, eligible: d.eligible, reason: d.reason, noDiscountCause: d.noDiscountCause };
  });
  const totalCents = lines.reduce((s, l) => s + l.proposedCents, 0);
  let plannedNotice: PlannedNoticeSummary | null = null;
  if (order.planned && rule === "ANATEL_RQUAL") {
    const counts = { exempt: 0, late: 0, notNotified: 0 };
    for (const customerId of new Set(contracts.map((c) => c.customerId))) {
      const at = noticeOf(customerId);
      if (!at) counts.notNotified++;
      else if (interruptionStart.getTime() - at.getTime() >= noticeHours * HOUR_MS) counts.exempt++;
      else counts.late++;
    }
    plannedNotice = describePlannedNotice(noticeHours, counts.exempt, counts.late, counts.notNotified);
  }
  const summarized = summarizeDiscounts(
    { count: lines.filter((l) => l.proposedCents > 0).length, totalCents },
    lines.flatMap((l) => (l.noDiscountCause ? [{ cause: l.noDiscountCause, minutes: l.minutes }] : [])),
    noticeHours,
  );
  return {
    order,
    rule, interruptionStart, interruptionEnd, affectedLoginIds, affectedCustomers, lines, totalCents,
    summary: plannedNotice ? `${summarized.summary} ${plannedNotice.sentence}` : summarized.summary,
    withoutDiscount: summarized.withoutDiscount,
    plannedNotice,
  };
}
