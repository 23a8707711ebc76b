// The login status feed (POST /api/v1/logins/status): batches of online/offline changes as a RADIUS
// accounting or monitoring system sends them.
import { z } from "zod";

/** Largest batch accepted: a busy RADIUS minute fits; bigger feeds split their batches. */
export const MAX_STATUS_EVENTS = 5_000;
/** Largest body accepted (5,000 events of ~100 bytes, with room for longer usernames). */
export const MAX_STATUS_BODY_BYTES = 1024 * 1024;

export const loginStatusEventSchema = z.object({
  login: z.string({ error: "informe o login (username)" }).trim().min(1, "informe o login (username)").max(128, "login com mais de 128 caracteres"),
  online: z.boolean({ error: "online deve ser true ou false" }),
  at: z.iso.datetime({ offset: true, error: "at deve ser uma data ISO 8601 com fuso (ex.: 2026-11-23T15:00:00Z)" }).transform((s) => new Date(s)),
});

export const loginStatusBatchSchema = z.object({
  events: z
    .array(loginStatusEventSchema, { error: "events deve ser uma lista" })
    .min(1, "envie ao menos um evento")
    .max(MAX_STATUS_EVENTS, `no máximo ${MAX_STATUS_EVENTS} eventos por lote`),
});

export type LoginStatusEvent = z.infer<typeof loginStatusEventSchema>;
