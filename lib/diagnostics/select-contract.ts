import { badRequest } from "../errors";
import { chooseDefaultContract, type ContractCandidate } from "./choose-default-contract";

export interface ContractChoice {
  /** The contract named by the caller (`contractId`). */
  contractId?: number;
  /** The login named by the lookup: its contract is diagnosed unless `contractId` names another. */
  loginId?: number | null;
}

/**
 * Which contract of a customer is diagnosed: the one `contractId` names (400 when it is not this customer's,
 * or when the login named belongs to another of their contracts), else the login's contract, else the
 * default (chooseDefaultContract). Also returns the default, which the answer marks. Null for a customer
 * without contracts.
 */
export function selectContract<C extends ContractCandidate & { logins: readonly { id: number }[] }>(
  contracts: readonly C[],
  choice: ContractChoice,
): { selected: C | null; defaultContract: C | null } {
  const loginContract = choice.loginId != null ? contracts.find((c) => c.logins.some((l) => l.id === choice.loginId)) : undefined;
  let selected: C | null = null;
  if (choice.contractId !== undefined) {
    selected = contracts.find((c) => c.id === choice.contractId) ?? null;
    if (!selected) throw badRequest(`O contrato ${choice.contractId} não pertence a este cliente.`, "contractId");
    if (loginContract && loginContract.id !== selected.id) {
      throw badRequest(`O login informado pertence ao contrato ${loginContract.id}, não ao ${selected.id}.`, "contractId");
    }
  } else {
    selected = loginContract ?? null;
  }
  const defaultContract = chooseDefaultContract(contracts);
  return { selected: selected ?? defaultContract, defaultContract };
}
