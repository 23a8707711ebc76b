// Anatel RQUAL (Resolução 717/2019) automatic refund ("ressarcimento automático") for one contract.
// Pure: plain data in, plain data out, inputs never mutated, no clock (every instant is passed in).
//
// Rule (docs/dominio.md, "Descontos por inatividade"):
//   - an interruption is a total stoppage of MINIMUM_MINUTES (10) minutes or more affecting more than one
//     customer; shorter ones, or one hitting a single customer, are not refunded automatically;
//   - a planned interruption announced at least PLANNED_NOTICE_HOURS (72, or the settings' plannedNoticeHours)
//     hours before its start is not refunded automatically (exactly 72 h → none; 71 h 59 min → refunded;
//     planned but never announced → refunded). `announcedAt` is THIS customer's notice (the caller picks it:
//     lib/discounts/propose-discounts.ts);
//   - refund = (monthly fee ÷ 43,200) × minutes interrupted, 43,200 being the minutes of a 30-day month.
//
// Minutes are whole minutes rounded DOWN (floor of the elapsed ms ÷ 60,000): 9 min 59 s is 9 minutes and
// so below the minimum, and seconds beyond the last whole minute are not paid. The amount is the exact
// fraction monthlyFeeCents × minutes ÷ 43,200, rounded once by roundCents (half up to the nearest cent).
// The checks run in the order above; the first that fails is the reason given.
import { formatCurrency } from "../format/number";
import { badRequest } from "../errors";
import { assertPriceCents } from "./assert-price-cents";
import { measureInterruption } from "./measure-interruption";
import { roundCents } from "./round-cents";
import type { NoDiscountCause } from "./summarize-discounts";

/** Minutes in a 30-day month (30 × 24 × 60): the divisor of the monthly fee set by RQUAL. */
export const ANATEL_MINUTES_PER_MONTH = 43_200;
/** A stoppage shorter than this many minutes is not an interruption under RQUAL. */
export const ANATEL_MINIMUM_MINUTES = 10;
/** An interruption must hit at least this many customers ("more than one"). */
export const ANATEL_MINIMUM_AFFECTED_CUSTOMERS = 2;
/** A planned interruption announced at least this many hours ahead is not refunded automatically. */
export const ANATEL_PLANNED_NOTICE_HOURS = 72;

const HOUR_MS = 3_600_000;
const NUMBER = new Intl.NumberFormat("pt-BR");

export interface AnatelDiscountInput {
  /** The contract's monthly fee in integer cents (R$ 99,90 → 9990). */
  monthlyFeeCents: number;
  interruptionStart: Date;
  interruptionEnd: Date;
  /** The order was marked planned when created. */
  planned: boolean;
  /** When a planned interruption was announced to this customer; null = never announced. */
  announcedAt: Date | null;
  /** Hours of notice that exempt a planned interruption (default ANATEL_PLANNED_NOTICE_HOURS). */
  noticeHours?: number;
  /** Customers hit by the interruption (the order's affected customers). */
  affectedCustomers: number;
}

export interface AnatelDiscount {
  eligible: boolean;
  /** Whole minutes interrupted (floor), given even when not eligible. */
  minutes: number;
  /** 0 when not eligible. */
  amountCents: number;
  /** Why, in Portuguese, for the review screen and the audit trail. */
  reason: string;
  /** Why not eligible (null when eligible). */
  noDiscountCause: Exclude<NoDiscountCause, "ROUNDS_TO_ZERO" | "NO_INTERRUPTION" | "EXCLUDED_IN_REVIEW"> | null;
}

/** The RQUAL refund of one contract for one interruption. Throws a 400 on invalid input. */
export function computeAnatelDiscount(input: AnatelDiscountInput): AnatelDiscount {
  const { monthlyFeeCents, interruptionStart, interruptionEnd, planned, announcedAt, affectedCustomers } = input;
  const noticeHours = input.noticeHours ?? ANATEL_PLANNED_NOTICE_HOURS;
  assertPriceCents(monthlyFeeCents, "monthlyFeeCents", "Mensalidade");
  if (!Number.isSafeInteger(affectedCustomers) || affectedCustomers < 0) {
    throw badRequest(`Número de clientes afetados ${affectedCustomers} inválido: deve ser um inteiro ≥ 0.`, "affectedCustomers");
  }
  if (announcedAt !== null && Number.isNaN(announcedAt.getTime())) {
    throw badRequest("Data do aviso da interrupção programada não é uma data válida.", "announcedAt");
  }
  const { minutes } = measureInterruption(interruptionStart, interruptionEnd);

  const none = (noDiscountCause: NonNullable<AnatelDiscount["noDiscountCause"]>, reason: string): AnatelDiscount =>
    ({ eligible: false, minutes, amountCents: 0, reason, noDiscountCause });
  if (minutes < ANATEL_MINIMUM_MINUTES) {
    return none("BELOW_MINIMUM_MINUTES", 
      `Interrupção de ${minutes} min: abaixo do mínimo de ${ANATEL_MINIMUM_MINUTES} minutos da Anatel (RQUAL); sem ressarcimento.`,
    );
  }
  if (affectedCustomers < ANATEL_MINIMUM_AFFECTED_CUSTOMERS) {
    return none("SINGLE_CUSTOMER", 
      `Interrupção atingiu ${affectedCustomers} cliente(s): a Anatel (RQUAL) só considera interrupções que atingem mais de um cliente; sem ressarcimento.`,
    );
  }
  if (planned && announcedAt !== null) {
    const noticeMs = interruptionStart.getTime() - announcedAt.getTime();
    if (noticeMs >= noticeHours * HOUR_MS) {
      return none("PLANNED_ANNOUNCED", 
        `Interrupção programada anunciada com ${formatHours(noticeMs)} de antecedência (mínimo ${noticeHours} h): sem ressarcimento automático (Anatel RQUAL).`,
      );
    }
  }

  const amountCents = roundCents(BigInt(monthlyFeeCents) * BigInt(minutes), BigInt(ANATEL_MINUTES_PER_MONTH));
  const notice = planned
    ? announcedAt === null
      ? " Programada, mas sem aviso registrado."
      : ` Programada, avisada com ${formatHours(interruptionStart.getTime() - announcedAt.getTime())} de antecedência (menos de ${noticeHours} h).`
    : "";
  return {
    eligible: true,
    noDiscountCause: null,
    minutes,
    amountCents,
    reason:
      `Ressarcimento Anatel (RQUAL): ${formatCurrency(monthlyFeeCents)} ÷ ${NUMBER.format(ANATEL_MINUTES_PER_MONTH)} × ` +
      `${minutes} min = ${formatCurrency(amountCents)}.${notice}`,
  };
}

/** "71 h 59 min", "72 h", "−1 h 30 min" (announced after the start). */
function formatHours(ms: number): string {
  const sign = ms < 0 ? "−" : "";
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(totalMinutes / 60);
  const min = totalMinutes % 60;
  return `${sign}${h} h${min > 0 ? ` ${min} min` : ""}`;
}
