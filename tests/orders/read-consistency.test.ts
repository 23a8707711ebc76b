// The order page and GET /service-orders/{id} read the order and its status history as one snapshot: a reader
// racing an Executar never sees the header still "Aberta" with an "Em Execução" row in the history (or the
// other way round). Prisma reads a relation with its own query, so without one snapshot the commit could
// land between the two.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createRegion } from "@/app/api/v1/regions/route";
import { POST as execute } from "@/app/api/v1/service-orders/[id]/execute/route";
import { getOrderOrThrow } from "@/lib/orders/get-order-or-throw";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createMaintenanceSubject, squareFeature, validBody } from "./fixtures";

let admin: { cookie: string };
beforeAll(async () => {
  await createMaintenanceSubject();
  admin = await loginAs("ADMIN");
});

describe("an order read while it changes status", () => {
  it("shows a header that agrees with its last history row, in every read", async () => {
    const mismatches: string[] = [];
    for (let round = 0; round < 25; round++) {
      const res = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: squareFeature(-47.8 + round * 0.01, -23.4, 200) }) });
      expect(res.status).toBe(201);
      const id = res.body.order.id as number;
      let done = false;
      const executing = call(execute, `/api/v1/service-orders/${id}/execute`, { method: "POST", cookie: admin.cookie, params: { id: String(id) }, body: {} })
        .finally(() => { done = true; });
      const readers = Array.from({ length: 3 }, async () => {
        do {
          const order = await getOrderOrThrow(id);
          const last = order.events.at(-1)?.toStatus;
          if (last !== order.status) mismatches.push(`OS ${id}: cabeçalho ${order.status}, histórico termina em ${last}`);
        } while (!done);
      });
      await Promise.all([executing, ...readers]);
      expect((await executing).status).toBe(200);
    }
    expect(mismatches).toEqual([]);
  });
});
