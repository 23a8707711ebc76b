// The length of an interruption, shared by both discount rules so that they validate the interval the same
// way and agree on its minutes.
import { badRequest } from "../errors";

/** One minute in milliseconds. */
const MINUTE_MS = 60_000;

export interface InterruptionLength {
  /** Exact elapsed time, end − start, in milliseconds. */
  elapsedMs: number;
  /** Whole minutes, rounded DOWN (floor of elapsedMs ÷ 60,000): 9 min 59 s counts as 9 minutes. */
  minutes: number;
}

/**
 * Measures start → end. Throws a 400 (Portuguese message naming the values) when a date is invalid or
 * the end comes before the start; start = end is a zero-length interruption.
 */
export function measureInterruption(start: Date, end: Date): InterruptionLength {
  const startMs = start.getTime();
  const endMs = end.getTime();
  if (Number.isNaN(startMs)) throw badRequest("Início da interrupção não é uma data válida.", "interruptionStart");
  if (Number.isNaN(endMs)) throw badRequest("Fim da interrupção não é uma data válida.", "interruptionEnd");
  if (endMs < startMs) {
    throw badRequest(
      `Fim da interrupção (${end.toISOString()}) é anterior ao início (${start.toISOString()}).`,
      "interruptionEnd",
    );
  }
  const elapsedMs = endMs - startMs;
  return { elapsedMs, minutes: Math.floor(elapsedMs / MINUTE_MS) };
}
