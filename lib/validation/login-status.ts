// The login status feed (POST /api/v1/logins/status): batches of online/offline changes as a RADIUS
// accounting or monitoring system sends them.
import { z } from "zod";
import { getEnv } from "../env";

/** Largest batch accepted: a busy RADIUS minute fits; bigger feeds split their batches. */
export const MAX_STATUS_EVENTS = 5_000;
/** Largest body accepted (5,000 events of ~100 bytes, with room for longer usernames). */
export const MAX_STATUS_BODY_BYTES = 1024 * 1024;

export const loginStatusEventSchema = z.object({
  login: z.string({ error: "informe o login (username)" }).trim().min(1, "informe o login (username)").max(128, "login com mais de 128 caracteres"),
  online: z.boolean({ error: "online deve ser true ou false" }),
  at: z.iso.datetime({ offset: true, error: "at deve ser uma data ISO 8601 com fuso (ex.: 2026-11-23T15:00:00Z)" }).transform((s) => new Date(s)),
});

/**
 * The latest instant an event may carry: the server clock plus RAIO_STATUS_MAX_SKEW_SECONDS. A later event
 * is refused (it would outrank every real event until that date); a stored time beyond it is not trusted.
 */
export function latestStatusInstantMs(nowMs = Date.now()): number {
  return nowMs + getEnv().RAIO_STATUS_MAX_SKEW_SECONDS * 1000;
}

export const loginStatusBatchSchema = z
  .object({
    events: z
      .array(loginStatusEventSchema, { error: "events deve ser uma lista" })
      .min(1, "envie ao menos um evento")
      .max(MAX_STATUS_EVENTS, `no máximo ${MAX_STATUS_EVENTS} eventos por lote`),
  })
  .superRefine(({ events }, ctx) => {
    // The whole batch is refused for one such event (nothing written): the sender's clock is wrong.
    const nowMs = Date.now();
    const limitMs = latestStatusInstantMs(nowMs);
    // (Runs even when an event failed its own checks: only well-formed dates are compared.)
    const i = events.findIndex((e) => e.at instanceof Date && e.at.getTime() > limitMs);
    const e = events[i];
    if (e === undefined) return;
    const aheadS = Math.round((e.at.getTime() - nowMs) / 1000);
    ctx.addIssue({
      code: "custom",
      path: ["events", i, "at"],
      message:
        `o evento de índice ${i} (login "${e.login}") tem at = ${e.at.toISOString()}, ${aheadS.toLocaleString("pt-BR")} s à frente do relógio do servidor ` +
        `(${new Date(nowMs).toISOString()}); a tolerância é de ${getEnv().RAIO_STATUS_MAX_SKEW_SECONDS} s (RAIO_STATUS_MAX_SKEW_SECONDS). ` +
        "Nenhum evento do lote foi gravado: acerte o relógio de quem envia.",
    });
  });

export type LoginStatusEvent = z.infer<typeof loginStatusEventSchema>;
