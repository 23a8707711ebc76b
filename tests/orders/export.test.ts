import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/service-orders/route";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

describe("the orders list", () => {
  it("exports every order matching the filters as CSV, beyond the page size", async () => {
    const { cookie } = await loginAs("MANAGER");
    for (let i = 0; i < 3; i++) await createOrderAt(square(-41 - i, -15, 0.01), { execute: i === 0 });
    const page = await call(GET, "/api/v1/service-orders?pageSize=1", { cookie });
    expect(page.body.orders).toHaveLength(1);
    const csv = await call(GET, "/api/v1/service-orders?pageSize=1&format=csv", { cookie });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toContain("OS;Situação;Assunto");
    expect(lines).toHaveLength(1 + page.body.total);
    const executing = await call(GET, "/api/v1/service-orders?status=EM_EXECUCAO&format=csv", { cookie });
    expect(executing.text.trim().split("\r\n").slice(1).every((l) => l.includes(";Em Execução;"))).toBe(true);
  });
});
