// Issue 16: right after a start the first requests paid for loading the login index and the hot queries
// (the dashboard took 3.3 s on each worker's first call at a million customers). A server now warms up
// first, and its readiness endpoint — what a load balancer waits for — says "aquecendo" until it is done.
import { describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/v1/health/ready/route";
import { GET as dashboard } from "@/app/api/v1/dashboard/route";
import { startWarmUp, warmUpState } from "@/lib/health/warm-up";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

describe("start-up warm-up and readiness", () => {
  it("answers 503 aquecendo with Retry-After while warming, then 200 pronto with the indexes loaded", async () => {
    await createCustomer({ lng: -44.0, lat: -19.0 });
    await createOrderAt(square(-44.0, -19.0, 0.01), { execute: true });
    const warming = startWarmUp();
    const during = await call(ready, "/api/v1/health/ready");
    expect(during.status).toBe(503);
    expect(during.body).toMatchObject({ status: "aquecendo" });
    expect(Number(during.headers.get("retry-after"))).toBeGreaterThan(0);

    await warming;
    expect(warmUpState().status).toBe("ready");
    const after = await call(ready, "/api/v1/health/ready");
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: "pronto", database: { ok: true } });
    // The warmed process answers the dashboard from the loaded index: the executing order's login counts.
    const { cookie } = await loginAs("MANAGER");
    expect((await call(dashboard, "/api/v1/dashboard", { cookie })).body).toMatchObject({ executingOrders: 1, affectedLoginsNow: 1 });
  });
});
