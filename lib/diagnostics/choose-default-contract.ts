import type { ContractStatus } from "./types";

export interface ContractCandidate {
  id: number;
  status: ContractStatus;
  activatedAt: Date | null;
  createdAt: Date;
}

/**
 * The contract diagnosed when a customer has several and the caller did not name one:
 *   1. an ATIVO contract before any other status (the service the customer is paying for and calls about);
 *   2. then the most recent: latest activatedAt, or createdAt for a contract never activated;
 *   3. then the highest id, so the choice is stable when the dates tie.
 * A blocked ATIVO contract is not preferred over an unblocked one: the status says which contract is live,
 * and the diagnostic itself then shows the block. Returns null for no contracts. The list is not reordered.
 */
export function chooseDefaultContract<C extends ContractCandidate>(contracts: readonly C[]): C | null {
  let best: C | null = null;
  for (const contract of contracts) {
    if (best === null || ranksBefore(contract, best)) best = contract;
  }
  return best;
}

function ranksBefore(a: ContractCandidate, b: ContractCandidate): boolean {
  const aActive = a.status === "ATIVO";
  const bActive = b.status === "ATIVO";
  if (aActive !== bActive) return aActive;
  const aTime = (a.activatedAt ?? a.createdAt).getTime();
  const bTime = (b.activatedAt ?? b.createdAt).getTime();
  if (aTime !== bTime) return aTime > bTime;
  return a.id > b.id;
}
