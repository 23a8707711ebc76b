import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findExecutingOrdersAt } from "@/lib/maintenance/executing-regions";
import { cancelOrder } from "@/lib/orders/order-transitions";
import { finalizeOrder } from "@/lib/orders/order-transitions";
import { createOrderAt, square } from "../helpers/orders";

const P = { kind: "user", userId: 0, role: "ADMIN", name: "t", email: "t@t" } as const;

describe("which executing orders hold a point", () => {
  it("answers only for Em Execução orders, counting the boundary as inside", async () => {
    const open = await createOrderAt(square(-47.0, -22.0, 0.01));
    const executing = await createOrderAt(square(-47.1, -22.1, 0.01), { execute: true });
    expect(await findExecutingOrdersAt(-47.0, -22.0)).toEqual([]);
    const inside = await findExecutingOrdersAt(-47.1, -22.1);
    expect(inside.map((o) => o.orderId)).toEqual([executing.order.id]);
    expect(inside[0]!.maintenanceMessage).toMatch(/manutenção/);
    // A vertex and a point on an edge are inside; a point just outside is not.
    expect(await findExecutingOrdersAt(-47.11, -22.11)).toHaveLength(1);
    expect(await findExecutingOrdersAt(-47.1, -22.11)).toHaveLength(1);
    expect(await findExecutingOrdersAt(-47.1, -22.1101)).toEqual([]);
    expect(open.order.status).toBe("ABERTA");
  });

  it("returns the order's and subject's current texts and dates, as stored", async () => {
    const expectedEndAt = new Date("2026-11-24T18:30:00.000Z");
    const { order } = await createOrderAt(square(-44.0, -20.0, 0.01), { execute: true });
    await db.serviceOrder.update({ where: { id: order.id }, data: { expectedEndAt, description: "Troca de CTO na rua A" } });
    const stored = await db.serviceOrder.findUniqueOrThrow({ where: { id: order.id }, include: { subject: true } });
    expect(await findExecutingOrdersAt(-44.0, -20.0)).toEqual([
      {
        orderId: order.id, number: stored.number, subjectId: stored.subjectId, subjectName: stored.subject.name,
        maintenanceMessage: stored.subject.maintenanceMessage, expectedEndAt, executedAt: stored.executedAt,
        description: "Troca de CTO na rua A", lastUpdate: null, // no public note yet (tests/orders/timeline.test.ts adds one)
      },
    ]);
    expect(stored.executedAt).toBeInstanceOf(Date);
  });

  it("stops answering as soon as the order is finalized or cancelled", async () => {
    const a = await createOrderAt(square(-46.5, -23.5, 0.01), { execute: true });
    const b = await createOrderAt(square(-46.5, -23.5, 0.02), { execute: true });
    expect((await findExecutingOrdersAt(-46.5, -23.5)).map((o) => o.orderId).sort()).toEqual([a.order.id, b.order.id].sort());
    await finalizeOrder(a.order.id, P);
    expect((await findExecutingOrdersAt(-46.5, -23.5)).map((o) => o.orderId)).toEqual([b.order.id]);
    await cancelOrder(b.order.id, P);
    expect(await findExecutingOrdersAt(-46.5, -23.5)).toEqual([]);
  });

  it("sees a change committed by another app instance on the next call (version stamp)", async () => {
    const o = await createOrderAt(square(-45.0, -21.0, 0.01));
    expect(await findExecutingOrdersAt(-45.0, -21.0)).toEqual([]); // index now cached
    // Another instance executes the order: it updates the row and bumps the stamp in its transaction.
    await db.$transaction([
      db.serviceOrder.update({ where: { id: o.order.id }, data: { status: "EM_EXECUCAO", executedAt: new Date() } }),
      db.geoVersion.update({ where: { id: 1 }, data: { version: { increment: 1 } } }),
    ]);
    expect((await findExecutingOrdersAt(-45.0, -21.0)).map((x) => x.orderId)).toEqual([o.order.id]);
  });
});
