import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_TARGET, ACTIONS_BY_STATUS, ALLOWED_TRANSITIONS, canTransition, type OrderAction } from "./order-life-cycle";

describe("the order life cycle", () => {
  it.each([
    { status: "ABERTA", actions: ["execute", "cancel"] },
    { status: "EM_EXECUCAO", actions: ["finalize", "cancel"] },
    { status: "FINALIZADA", actions: [] },
    { status: "CANCELADA", actions: [] },
  ] as const)("an order $status offers $actions", ({ status, actions }) => {
    expect(ACTIONS_BY_STATUS[status]).toEqual(actions);
  });

  it("offers a button for exactly the transitions the server accepts", () => {
    for (const [from, targets] of Object.entries(ALLOWED_TRANSITIONS) as [keyof typeof ALLOWED_TRANSITIONS, readonly string[]][]) {
      expect(ACTIONS_BY_STATUS[from].map((a) => ACTION_TARGET[a])).toEqual(targets);
      for (const action of ACTIONS_BY_STATUS[from]) expect(canTransition(from, ACTION_TARGET[action])).toBe(true);
    }
  });

  it("has an API route for every action", () => {
    for (const action of Object.keys(ACTION_TARGET) as OrderAction[]) {
      const route = path.join(import.meta.dirname, "../../app/api/v1/service-orders/[id]", action, "route.ts");
      expect(existsSync(route), route).toBe(true);
    }
  });
});
