import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getOverview, overviewRefreshed, OVERVIEW_FRESH_MS } from "@/lib/dashboard/get-overview";
import { createCustomer } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

describe("the start page's overview", () => {
  it("keeps the big counts for a while, refreshes them in the background, and counts orders every time", async () => {
    const a = await createCustomer({ lng: -44.0, lat: -19.0 });
    await createCustomer({ lng: -44.1, lat: -19.1 });
    const t0 = Date.now();
    const first = await getOverview(t0);
    expect(first.customers).toBe(2);
    const online = first.online;
    expect(first.online + first.offline).toBe(2);

    // A login goes offline and an order is opened: the order shows at once, the login count within the window
    // is the one already counted.
    await db.login.update({ where: { id: a.login!.id }, data: { online: !a.login!.online } });
    await createOrderAt(square(-44.0, -19.0, 0.01));
    const within = await getOverview(t0 + 1_000);
    expect(within.orders.ABERTA).toBe(1);
    expect(within.online).toBe(online);
    expect(within.countedAt.getTime()).toBe(t0);

    // Past the window: the call still answers at once with the old counts, and starts one refresh.
    const stale = await getOverview(t0 + OVERVIEW_FRESH_MS + 1);
    expect(stale.online).toBe(online);
    await overviewRefreshed();
    const fresh = await getOverview(t0 + OVERVIEW_FRESH_MS + 2);
    expect(fresh.online).toBe(a.login!.online ? online - 1 : online + 1);
    expect(fresh.countedAt.getTime()).toBe(t0 + OVERVIEW_FRESH_MS + 1);
  });
});
