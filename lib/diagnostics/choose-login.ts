import type { LoginStatus } from "./types";

export interface LoginCandidate {
  id: number;
  status: LoginStatus;
  online: boolean;
  lastSeenAt: Date | null;
}

/**
 * The login diagnosed for a contract: the one the lookup named (`preferredId`) when the contract has it;
 * else an ATIVO login first, then an online one, then the most recently seen, then the lowest id.
 * Null for a contract without logins. The list is not reordered.
 */
export function chooseLogin<L extends LoginCandidate>(logins: readonly L[], preferredId: number | null | undefined): L | null {
  let best: L | null = null;
  for (const login of logins) {
    if (login.id === preferredId) return login;
    if (best === null || ranksBefore(login, best)) best = login;
  }
  return best;
}

function ranksBefore(a: LoginCandidate, b: LoginCandidate): boolean {
  const ra = rank(a);
  const rb = rank(b);
  for (let i = 0; i < ra.length; i++) {
    if (ra[i]! !== rb[i]!) return ra[i]! > rb[i]!;
  }
  return false;
}

const rank = (l: LoginCandidate) => [l.status === "ATIVO" ? 1 : 0, l.online ? 1 : 0, l.lastSeenAt?.getTime() ?? 0, -l.id];
