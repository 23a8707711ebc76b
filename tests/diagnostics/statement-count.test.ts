// The chatbot calls the diagnostics on every conversation: for a customer outside any executing region the
// whole answer costs ONE SQL statement (settings, version stamps and the customer together). Counted at the
// driver, under Prisma and the raw queries alike.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { db, getBackend } from "@/lib/db";
import { loadCustomerDiagnostics } from "@/lib/customer-diagnostics/load-customer-diagnostics";
import { createCustomer } from "../helpers/factory";
import { createExecutingOrder } from "./fixtures";

/** Counts every statement sent to the database while `fn` runs. */
async function countStatements(fn: () => Promise<unknown>): Promise<number> {
  const spies =
    getBackend().kind === "pglite"
      ? [vi.spyOn(PGlite.prototype, "query"), vi.spyOn(PGlite.prototype, "exec")]
      : [vi.spyOn(pg.Client.prototype, "query")];
  try {
    await fn();
    return spies.reduce((n, s) => n + s.mock.calls.length, 0);
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe("statements per diagnostics answer", () => {
  beforeAll(async () => {
    // Warm the in-memory region index so that its first build is not counted.
    const { customer } = await createCustomer();
    await loadCustomerDiagnostics({ customerId: customer.id });
  });

  it("counts Prisma's queries and the raw ones (the counter itself)", async () => {
    expect(await countStatements(() => db.customer.findFirst({ select: { id: true } }))).toBe(1);
    expect(await countStatements(() => getBackend().query("SELECT 1"))).toBe(1);
  });

  it("is one for a customer outside every executing region, by id and by document", async () => {
    const { customer } = await createCustomer({ lng: -46.1, lat: -23.9 });
    await loadCustomerDiagnostics({ customerId: customer.id }); // the prepared statements' first use
    expect(await countStatements(() => loadCustomerDiagnostics({ customerId: customer.id }))).toBe(1);
    expect(await countStatements(() => loadCustomerDiagnostics({ document: customer.document }))).toBe(1);
  });

  it("adds one for the orders' texts when the customer is inside an executing region", async () => {
    const { customer } = await createCustomer({ lng: -48.2, lat: -21.1 });
    await createExecutingOrder(-48.2, -21.1, "Manutenção: OS {{os}}.");
    await loadCustomerDiagnostics({ customerId: customer.id }); // rebuilds the region index (version moved)
    expect(await countStatements(() => loadCustomerDiagnostics({ customerId: customer.id }))).toBe(2);
  });
});
