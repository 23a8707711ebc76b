// Finalizes an executing order: the status change, the frozen affected logins and the reviewed
// discounts, all in ONE transaction. The status change is a guarded update, so submitting twice or two
// admins at once finalizes once and creates one set of discounts (the loser gets 409, nothing written);
// the unique (orderId, contractId) key backs that up.
import { db, getBackend, type Prisma } from "../db";
import type { Principal } from "../auth/principal";
import { actorColumns } from "../auth/principal";
import { recordAudit } from "../audit/record-audit";
import { badRequest } from "../errors";
import { freezeAffectedLogins } from "../maintenance/freeze-affected-logins";
import { applyOrderTransition } from "../orders/order-transitions";
import { finalizeWithDiscountsSchema, type FinalizeWithDiscountsInput } from "../validation/finalize";
import { loadProposalBasis, priceProposal, type DiscountProposal } from "./propose-discounts";
import { summarizeDiscounts, type NoDiscountCause } from "./summarize-discounts";
import { bulkInsert, type BulkColumn } from "../db/bulk-insert";

// Only the contract is unique per row: the amounts follow the plan price (a handful of plans), and the rest is the
// same for the whole order or nearly (the reason sentence per price, the reviewer on changed lines).
const DISCOUNT_COLUMNS: BulkColumn[] = [
  { name: "orderId", type: "int", repeats: true }, { name: "contractId", type: "int" },
  { name: "rule", type: "DiscountRule", repeats: true }, { name: "minutes", type: "int", repeats: true },
  { name: "proposedCents", type: "int", repeats: true }, { name: "amountCents", type: "int", repeats: true },
  { name: "excluded", type: "bool", repeats: true }, { name: "reason", type: "text", repeats: true },
  { name: "status", type: "DiscountStatus", repeats: true }, { name: "proposedById", type: "int", repeats: true },
  { name: "changedById", type: "int", repeats: true }, { name: "appliedById", type: "int", repeats: true },
  { name: "appliedAt", type: "timestamp(3)", repeats: true },
];

export async function finalizeOrderWithDiscounts(orderId: number, body: unknown, principal: Principal) {
  const input = finalizeWithDiscountsSchema.parse(body);
  const basis = await loadProposalBasis(orderId, input);
  const actor = actorColumns(principal);
  const appliedAt = new Date();
  // Reading and pricing the contracts takes about half as long as freezing the logins. On PostgreSQL the two run
  // side by side: the contracts are read on another pool connection while the transaction writes the frozen
  // list (nothing it reads is written there). PGlite has one connection, which the open transaction would hold:
  // there the contracts are read before it opens.
  const pricing = priceProposal(basis);
  pricing.catch(() => undefined); // awaited in the transaction; one that fails before must not leave it unhandled
  if (getBackend().kind !== "postgresql") await pricing;

  return db.$transaction(async (tx) => {
    const transition = await applyOrderTransition(tx, orderId, "FINALIZADA", principal, input.note);
    const frozen = await freezeAffectedLogins(tx, orderId, basis.affectedLoginIds);
    // An adjustment naming a contract outside the order is refused here (400): the transaction rolls back.
    const { proposal, rows, totalCents, summary, withoutDiscount } = discountRows(await pricing, input, orderId, actor.userId, appliedAt);
    // One statement whatever the number of contracts (Prisma's createMany is slow for tens of thousands).
    const created = await bulkInsert(tx, "Discount", DISCOUNT_COLUMNS, rows as unknown as Record<string, unknown>[], { onConflictDoNothing: true });
    await tx.serviceOrder.update({
      where: { id: orderId },
      data: {
        interruptionStart: proposal.interruptionStart, interruptionEnd: proposal.interruptionEnd,
        frozenLoginCount: frozen, discountCents: totalCents, discountCount: rows.filter((r) => !r.excluded).length,
      },
    });
    await recordAudit(tx, principal, "discounts.apply", { type: "ServiceOrder", id: orderId }, {
      number: proposal.order.number, rule: proposal.rule, lines: created, totalCents, summary,
      changed: rows.filter((r) => r.changedById !== null).map((r) => ({ contractId: r.contractId, proposedCents: r.proposedCents, amountCents: r.amountCents, excluded: r.excluded, reason: r.reason })),
      interruptionStart: proposal.interruptionStart.toISOString(), interruptionEnd: proposal.interruptionEnd.toISOString(),
    });
    return { transition, frozenLogins: frozen, discounts: created, totalCents, rule: proposal.rule, summary, withoutDiscount, plannedNotice: proposal.plannedNotice };
  }, { timeout: 120_000 });
}

/** The Discount rows of a reviewed proposal: the adjustments applied (each must name an affected contract). */
function discountRows(proposal: DiscountProposal, input: FinalizeWithDiscountsInput, orderId: number, userId: number | null, appliedAt: Date) {
  const byContract = new Map(proposal.lines.map((l) => [l.contractId, l]));
  input.adjustments.forEach((a, i) => {
    if (!byContract.has(a.contractId)) throw badRequest(`O contrato ${a.contractId} não está entre os afetados pela OS ${proposal.order.number}.`, `adjustments.${i}.contractId`);
  });
  const adjustments = new Map(input.adjustments.map((a) => [a.contractId, a]));
  // A line is written when it carries an amount, or when the person finalizing excluded it (their decision
  // and reason stay on record, never exported). A zero the rule produced is not written: the summary says why.
  const rows: Prisma.DiscountCreateManyInput[] = [];
  const without: { cause: NoDiscountCause; minutes: number }[] = [];
  for (const l of proposal.lines) {
    const adj = adjustments.get(l.contractId);
    const changed = adj !== undefined && (adj.excluded === true || (adj.amountCents !== undefined && adj.amountCents !== l.proposedCents));
    const amountCents = adj?.excluded === true ? 0 : (adj?.amountCents ?? l.proposedCents);
    if (amountCents === 0) {
      without.push({ cause: changed ? "EXCLUDED_IN_REVIEW" : (l.noDiscountCause ?? "ROUNDS_TO_ZERO"), minutes: l.minutes });
      if (!changed) continue;
    }
    rows.push({
      orderId, contractId: l.contractId, rule: proposal.rule, minutes: l.minutes,
      proposedCents: l.proposedCents,
      amountCents,
      excluded: amountCents === 0,
      reason: changed ? adj!.reason! : l.reason,
      status: "APLICADO",
      proposedById: userId, changedById: changed ? userId : null, appliedById: userId, appliedAt,
    });
  }
  const totalCents = rows.reduce((s, r) => s + (r.amountCents ?? 0), 0);
  const summarized = summarizeDiscounts({ count: rows.filter((r) => !r.excluded).length, totalCents }, without, proposal.plannedNotice?.noticeHours);
  // Planned work: how many customers were told in time (exempt) and how many are refunded, and why.
  const summary = proposal.plannedNotice ? `${summarized.summary} ${proposal.plannedNotice.sentence}` : summarized.summary;
  return { proposal, rows, totalCents, summary, withoutDiscount: summarized.withoutDiscount };
}
