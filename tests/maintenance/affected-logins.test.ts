import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET } from "@/app/api/v1/service-orders/[id]/affected-logins/route";
import { finalizeOrderWithDiscounts } from "@/lib/discounts/finalize-order-with-discounts";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

describe("Logins Afetados", () => {
  it("lists the logins inside the region with search, sort, pagination and CSV", async () => {
    const { cookie } = await loginAs("MANAGER");
    const inside1 = await createCustomer({ lng: -48.0, lat: -20.0, customer: { name: "Ana Dentro" } });
    const inside2 = await createCustomer({ lng: -48.005, lat: -20.005, customer: { name: "Bia Dentro" }, login: { online: false } });
    // The login's own installation point wins over the customer's address.
    const movedIn = await createCustomer({ lng: -49.0, lat: -21.0, customer: { name: "Caio Movido" }, login: { lat: -20.001, lng: -48.001 } });
    await createCustomer({ lng: -48.02, lat: -20.0, customer: { name: "Davi Fora" } });
    const { order } = await createOrderAt(square(-48.0, -20.0, 0.01));
    const params = { id: String(order.id) };

    const all = await call(GET, `/api/v1/service-orders/${order.id}/affected-logins?sort=customerName`, { cookie, params });
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.online).toBe(2);
    expect(all.body.rows.map((r: { customerName: string }) => r.customerName)).toEqual(["Ana Dentro", "Bia Dentro", "Caio Movido"]);
    expect(all.body.rows[2].loginId).toBe(movedIn.login!.id);

    const page2 = await call(GET, `/api/v1/service-orders/${order.id}/affected-logins?sort=customerName&dir=desc&pageSize=2&page=2`, { cookie, params });
    expect(page2.body.rows.map((r: { customerName: string }) => r.customerName)).toEqual(["Ana Dentro"]);

    const search = await call(GET, `/api/v1/service-orders/${order.id}/affected-logins?q=bia`, { cookie, params });
    expect(search.body.rows.map((r: { loginId: number }) => r.loginId)).toEqual([inside2.login!.id]);

    const csv = await call(GET, `/api/v1/service-orders/${order.id}/affected-logins?format=csv`, { cookie, params });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.split("\r\n").filter(Boolean)).toHaveLength(4);
    expect(csv.text).toContain(inside1.login!.username);

    const bad = await call(GET, `/api/v1/service-orders/${order.id}/affected-logins?sort=senha`, { cookie, params });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("sort");
  });

  it("pages a live list by login in order, each page's rows read fresh (the list's order is reused between pages)", async () => {
    const { cookie } = await loginAs("MANAGER");
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await createCustomer({ lng: -47.0 + i * 0.001, lat: -21.0, login: { username: `pagina-${String(i).padStart(2, "0")}`, online: i !== 6 } }));
    const { order } = await createOrderAt(square(-46.997, -21.0, 0.01));
    const params = { id: String(order.id) };
    const page = (n: number) => call(GET, `/api/v1/service-orders/${order.id}/affected-logins?pageSize=3&page=${n}`, { cookie, params });
    const first = await page(1);
    expect(first.body).toMatchObject({ total: 7, online: 6 });
    expect(first.body.rows.map((r: { username: string }) => r.username)).toEqual(["pagina-00", "pagina-01", "pagina-02"]);
    // A search counts its matches (all of them, whatever the page) with the page's rows, and still counts them on a
    // page past the last match.
    const search = (q: string, n: number) => call(GET, `/api/v1/service-orders/${order.id}/affected-logins?pageSize=2&page=${n}&q=${q}`, { cookie, params });
    const hit = await search("pagina-0", 2);
    expect(hit.body).toMatchObject({ total: 7, online: 6 });
    expect(hit.body.rows.map((r: { username: string }) => r.username)).toEqual(["pagina-02", "pagina-03"]);
    expect((await search("pagina-0", 9)).body).toMatchObject({ total: 7, online: 6, rows: [] });
    expect((await search("pagina-04", 1)).body).toMatchObject({ total: 1, online: 1 });
    expect((await search("pagina-06", 1)).body).toMatchObject({ total: 1, online: 0 });
    expect((await search("ninguem", 1)).body).toMatchObject({ total: 0, online: 0, rows: [] });
    // A login goes offline between two pages: the next page shows it as it is now.
    await db.login.update({ where: { id: made[4]!.login!.id }, data: { online: false } });
    const second = await page(2);
    expect(second.body.rows.map((r: { username: string; online: boolean }) => [r.username, r.online])).toEqual([
      ["pagina-03", true], ["pagina-04", false], ["pagina-05", true],
    ]);
    expect((await page(3)).body.rows.map((r: { username: string }) => r.username)).toEqual(["pagina-06"]);
    expect((await page(4)).body.rows).toEqual([]);
    const desc = await call(GET, `/api/v1/service-orders/${order.id}/affected-logins?pageSize=2&dir=desc`, { cookie, params });
    expect(desc.body.rows.map((r: { username: string }) => r.username)).toEqual(["pagina-06", "pagina-05"]);
  });

  it("a running order's list takes in a new login at once and a renamed customer once it is 30 s old", async () => {
    const { cookie } = await loginAs("MANAGER");
    await createCustomer({ lng: -51.0, lat: -26.0, customer: { name: "Bruna Primeira" } });
    const renamed = await createCustomer({ lng: -51.001, lat: -26.0, customer: { name: "Carla Segunda" } });
    const { order } = await createOrderAt(square(-51.0, -26.0, 0.01), { execute: true });
    const params = { id: String(order.id) };
    const names = async () =>
      (await call(GET, `/api/v1/service-orders/${order.id}/affected-logins?sort=customerName`, { cookie, params })).body as {
        total: number; rows: { customerName: string }[];
      };
    expect((await names()).rows.map((r) => r.customerName)).toEqual(["Bruna Primeira", "Carla Segunda"]);
    // A login placed inside the region moves the login-locations stamp: the next page lists it.
    await createCustomer({ lng: -51.002, lat: -26.0, customer: { name: "Diana Terceira" } });
    expect((await names()).total).toBe(3);
    // A rename shows at once in the row (rows are read fresh) and moves the row once the order of the list is
    // older than 30 s: that page starts a refresh, a later one sees it.
    await db.customer.update({ where: { id: renamed.customer.id }, data: { name: "Ana Renomeada" } });
    const before = await names();
    expect(before.rows.map((r) => r.customerName)).toEqual(["Bruna Primeira", "Ana Renomeada", "Diana Terceira"]);
    await db.liveAffectedList.update({ where: { orderId: order.id }, data: { refreshedAt: new Date(Date.now() - 31_000) } });
    await names();
    await expect.poll(async () => (await names()).rows.map((r) => r.customerName), { timeout: 10_000 })
      .toEqual(["Ana Renomeada", "Bruna Primeira", "Diana Terceira"]);
  });

  it("is frozen when the order is finalized: later changes do not rewrite it", async () => {
    const { cookie, user } = await loginAs("ADMIN");
    const c = await createCustomer({ lng: -50.0, lat: -25.0, customer: { name: "Eva Congelada" } });
    const { order } = await createOrderAt(square(-50.0, -25.0, 0.01), { execute: true });
    await finalizeOrderWithDiscounts(order.id, {}, { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email });
    await db.customer.update({ where: { id: c.customer.id }, data: { name: "Eva Renomeada" } });
    await createCustomer({ lng: -50.001, lat: -25.001, customer: { name: "Chegou Depois" } });
    const res = await call(GET, `/api/v1/service-orders/${order.id}/affected-logins`, { cookie, params: { id: String(order.id) } });
    expect(res.body.frozen).toBe(true);
    expect(res.body.rows.map((r: { customerName: string }) => r.customerName)).toEqual(["Eva Congelada"]);
  });

  it("answers 404 for an unknown order and 401 without a session", async () => {
    const { cookie } = await loginAs("AGENT");
    expect((await call(GET, "/api/v1/service-orders/999999/affected-logins", { cookie, params: { id: "999999" } })).status).toBe(404);
    expect((await call(GET, "/api/v1/service-orders/1/affected-logins", { params: { id: "1" } })).status).toBe(401);
  });
});
