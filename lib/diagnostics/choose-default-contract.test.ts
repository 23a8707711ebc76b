import { describe, expect, it, test } from "vitest";
import { chooseDefaultContract, type ContractCandidate } from "./choose-default-contract";

const c = (id: number, status: ContractCandidate["status"], activatedAt: string | null, createdAt = "2020-01-01T00:00:00Z"): ContractCandidate => ({
  id,
  status,
  activatedAt: activatedAt === null ? null : new Date(activatedAt),
  createdAt: new Date(createdAt),
});

describe("chooseDefaultContract", () => {
  test.each([
    { label: "no contracts", contracts: [], id: null },
    { label: "a single contract, whatever its status", contracts: [c(1, "NEGATIVADO", null)], id: 1 },
    { label: "ATIVO before a newer non-active one", contracts: [c(1, "ATIVO", "2021-01-01T00:00:00Z"), c(2, "PRE_CONTRATO", null, "2026-11-01T00:00:00Z")], id: 1 },
    { label: "the most recently activated of two ATIVO", contracts: [c(1, "ATIVO", "2024-05-01T00:00:00Z"), c(2, "ATIVO", "2025-05-01T00:00:00Z")], id: 2 },
    { label: "createdAt when never activated", contracts: [c(1, "INATIVO", "2024-05-01T00:00:00Z"), c(2, "DESISTIU", null, "2025-01-01T00:00:00Z")], id: 2 },
    { label: "the highest id when the dates tie", contracts: [c(3, "ATIVO", "2024-05-01T00:00:00Z"), c(5, "ATIVO", "2024-05-01T00:00:00Z"), c(4, "ATIVO", "2024-05-01T00:00:00Z")], id: 5 },
  ])("$label", ({ contracts, id }) => {
    expect(chooseDefaultContract(contracts)?.id ?? null).toBe(id);
  });

  it("does not reorder the list", () => {
    const contracts = [c(1, "INATIVO", null), c(2, "ATIVO", null)];
    const copy = [...contracts];
    chooseDefaultContract(contracts);
    expect(contracts).toEqual(copy);
  });
});
