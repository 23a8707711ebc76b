// The downtime discounts an order's finalization would apply: one line per affected contract (a contract
// with several logins in the region counts once), priced by the rule the subject or the settings choose.
import { db, getBackend } from "../db";
import { badRequest, notFound, AppError } from "../errors";
import type { AreaGeometry } from "../geo/types";
import { findLoginIdsInRegion } from "../maintenance/login-points";
import { getSettings } from "../settings/get-settings";
import { computeDiscount } from "./compute-discount";
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
}

export async function proposeDiscounts(orderId: number, opts: { interruptionStart?: Date; interruptionEnd?: Date; now?: Date } = {}): Promise<DiscountProposal> {
  const order = await db.serviceOrder.findUnique({
    where: { id: orderId },
    select: {
      id: true, number: true, status: true, planned: true, announcedAt: true, executedAt: true, openedAt: true,
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
  const rule = order.subject.discountRule ?? (await getSettings()).discountRule;
  const affectedLoginIds = order.region ? await findLoginIdsInRegion(order.region.geometry as unknown as AreaGeometry) : [];
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
  const lines = contracts.map((c) => {
    const d = computeDiscount(rule, {
      monthlyFeeCents: c.priceCents, interruptionStart, interruptionEnd, planned: order.planned, announcedAt: order.announcedAt, affectedCustomers,
    });
    return { ...c, minutes: d.minutes, proposedCents: d.eligible ? d.amountCents : 0, eligible: d.eligible, reason: d.reason, noDiscountCause: d.noDiscountCause };
  });
  const totalCents = lines.reduce((s, l) => s + l.proposedCents, 0);
  return {
    order: { id: order.id, number: order.number, status: order.status, planned: order.planned, announcedAt: order.announcedAt },
    rule, interruptionStart, interruptionEnd, affectedLoginIds, affectedCustomers, lines, totalCents,
    ...summarizeDiscounts(
      { count: lines.filter((l) => l.proposedCents > 0).length, totalCents },
      lines.flatMap((l) => (l.noDiscountCause ? [{ cause: l.noDiscountCause, minutes: l.minutes }] : [])),
    ),
  };
}
