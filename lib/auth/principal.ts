import type { Role } from "../db/generated/enums";

/** Who is acting: a logged-in person (session cookie) or an integration (Bearer API token). */
export type Principal =
  | { kind: "user"; userId: number; role: Role; name: string; email: string }
  | { kind: "token"; apiTokenId: number; role: Role; name: string; rateLimitPerMin?: number | null }
  // Raio itself (a planned order starting at its time): recorded with no user and no token.
  | { kind: "system"; role: Role; name: string };

/** The scheduler's principal: the planned-start job acts as Raio, not as whoever planned the order. */
export const SCHEDULER_PRINCIPAL: Principal = { kind: "system", role: "ADMIN", name: "agendamento automático" };

/** The columns every audited write records about its actor. */
export function actorColumns(p: Principal): { userId: number | null; apiTokenId: number | null } {
  if (p.kind === "user") return { userId: p.userId, apiTokenId: null };
  return { userId: null, apiTokenId: p.kind === "token" ? p.apiTokenId : null };
}

export function actorLabel(p: Principal): string {
  return p.kind === "user" ? p.name : p.kind === "token" ? `token ${p.name}` : p.name;
}
