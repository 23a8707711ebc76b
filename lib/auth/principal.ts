import type { Role } from "../db/generated/enums";

/** Who is acting: a logged-in person (session cookie) or an integration (Bearer API token). */
export type Principal =
  | { kind: "user"; userId: number; role: Role; name: string; email: string }
  | { kind: "token"; apiTokenId: number; role: Role; name: string };

/** The columns every audited write records about its actor. */
export function actorColumns(p: Principal): { userId: number | null; apiTokenId: number | null } {
  return p.kind === "user" ? { userId: p.userId, apiTokenId: null } : { userId: null, apiTokenId: p.apiTokenId };
}

export function actorLabel(p: Principal): string {
  return p.kind === "user" ? p.name : `token ${p.name}`;
}
