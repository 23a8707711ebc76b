import { afterEach, describe, expect, it } from "vitest";
import { db, getBackend } from "@/lib/db";
import { createCustomer } from "../helpers/factory";

// A server whose TZ is not UTC (an ISP's own machine set to America/Sao_Paulo) must store and read the same
// instants as Prisma does: Prisma keeps DateTime as UTC in `timestamp(3)` columns, and the app's own SQL
// (contact lists, dashboard ranges, the chatbot's contact write) passes and reads Dates too.
describe("times in the app's own SQL, whatever the process time zone", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it("a Date written or compared by raw SQL is the instant Prisma reads, and the other way round", async () => {
    process.env.TZ = "America/Sao_Paulo";
    expect(new Date("2026-11-30T12:00:00.000Z").getHours()).toBe(9); // the zone really is in effect
    const { customer } = await createCustomer({ lng: -47.0, lat: -22.9 });
    const at = new Date("2026-11-30T12:00:00.123Z");
    const q = getBackend().query.bind(getBackend());
    const [raw] = await q<{ id: number; receivedAt: Date }>(
      `INSERT INTO "Contact" ("customerId", channel, "receivedAt") VALUES ($1, 'chat', $2) RETURNING id, "receivedAt"`,
      [customer.id, at],
    );
    expect(new Date(raw!.receivedAt).toISOString()).toBe(at.toISOString());
    expect((await db.contact.findUniqueOrThrow({ where: { id: raw!.id } })).receivedAt.toISOString()).toBe(at.toISOString());

    const viaPrisma = await db.contact.create({ data: { customerId: customer.id, channel: "chat", receivedAt: at } });
    const [read] = await q<{ receivedAt: Date }>(`SELECT "receivedAt" FROM "Contact" WHERE id = $1`, [viaPrisma.id]);
    expect(new Date(read!.receivedAt).toISOString()).toBe(at.toISOString());

    const [window] = await q<{ n: number }>(
      `SELECT COUNT(*)::int AS n FROM "Contact" WHERE id = ANY($1::int[]) AND "receivedAt" >= $2 AND "receivedAt" < $3`,
      [[raw!.id, viaPrisma.id], new Date(at.getTime() - 1), new Date(at.getTime() + 1)],
    );
    expect(window!.n).toBe(2);
  });
});
