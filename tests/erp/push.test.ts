// The push API: idempotent batch upserts by external id through the import's path, all or nothing, with
// per-row errors naming row and field.
import { beforeAll, describe, expect, it } from "vitest";
import { PUT } from "@/app/api/v1/sync/[table]/route";
import { db } from "@/lib/db";
import { call } from "../helpers/http";
import { createBearer, loginAs } from "../helpers/factory";

let token: string;

const customers = [
  { external_id: "SGP-1", name: "Maria Souza", document: "529.982.247-25", email: "maria@exemplo.com", phones: ["(19) 99876-5432"], street: "Rua A", number: "10",
    neighborhood: "Centro", city: "Campinas", state: "SP", zip: "13010-000", branch: "SGP-F1", branch_central: "Central SGP", lat: -22.9, lng: -47.06, active: true },
  { external_id: "SGP-2", name: "João Lima", document: "11144477735", email: null, phones: [], street: null, number: null, neighborhood: null, city: "Campinas",
    state: "SP", zip: null, branch: "SGP-F1", branch_central: null, lat: null, lng: null, active: true },
];
const contract = (id: string, customer: string) => ({
  external_id: id, customer_external_id: customer, status: "A", access_status: "CA", reduced_speed: false, trust_unlock_eligible: true,
  activated_at: "2026-01-10T10:00:00-03:00", plan_name: "SGP 500", plan_download_mbps: 500, plan_upload_mbps: 250, plan_price: "119.90", plan_allowance_gb: null, plan_technology: "Fibra",
});

function push(table: string, rows: unknown[]) {
  return call(PUT, `/api/v1/sync/${table}`, { method: "PUT", token, body: { rows }, params: { table } });
}

beforeAll(async () => {
  token = (await createBearer("ADMIN", "SGP")).token;
});

describe("PUT /api/v1/sync/{table}", () => {
  it("upserts a batch by external id, and the same batch again changes nothing", async () => {
    const first = await push("customers", customers);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ table: "customers", upserted: 2 });
    const again = await push("customers", customers);
    expect(again.status).toBe(200);
    expect(await db.customer.count({ where: { externalId: { startsWith: "SGP-" } } })).toBe(2);
    const maria = await db.customer.findUniqueOrThrow({ where: { externalId: "SGP-1" }, include: { phones: true } });
    expect(maria).toMatchObject({ document: "52998224725", lat: -22.9, active: true });
    expect(maria.phones.map((p) => p.phone)).toEqual(["5519998765432"]);

    expect((await push("contracts", [contract("SGP-C1", "SGP-1")])).status).toBe(200);
    expect(await db.contract.findUniqueOrThrow({ where: { externalId: "SGP-C1" }, select: { accessStatus: true } })).toEqual({ accessStatus: "BLOQUEADO" });
  });

  it("refuses the whole batch when one row is bad, naming row and field, and writes nothing", async () => {
    const res = await push("contracts", [contract("SGP-C2", "SGP-2"), contract("SGP-C3", "SGP-NAO-EXISTE"), { ...contract("SGP-C4", "SGP-2"), status: "XYZ" }]);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { row: 1, externalId: "SGP-C3", field: "customer_external_id", message: expect.stringMatching(/não existe/) },
      { row: 2, externalId: "SGP-C4", field: "status", message: expect.stringMatching(/status de contrato desconhecido/) },
    ]);
    expect(res.body.error.field).toBe("rows.1.customer_external_id");
    expect(await db.contract.count({ where: { externalId: { in: ["SGP-C2", "SGP-C3", "SGP-C4"] } } })).toBe(0);
  });

  it.each([
    { label: "a bad CPF", rows: [{ ...customers[0], external_id: "SGP-9", document: "123.456.789-00" }], field: "document" },
    { label: "a repeated external id", rows: [customers[1], customers[1]], field: "external_id" },
  ])("names the field of $label", async ({ rows, field }) => {
    const res = await push("customers", rows);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].field).toBe(field);
  });

  it("reads absent optional columns as empty, and names a missing required one", async () => {
    const minimal = { external_id: "SGP-3", name: "Ana", document: "39053344705", phones: [], city: "Campinas", state: "SP", branch: "SGP-F1", active: true };
    expect((await push("customers", [minimal])).status).toBe(200);
    const res = await push("customers", [{ ...minimal, external_id: "SGP-4", document: "86288366757", city: undefined }]);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ row: 0, field: "city", message: "cidade obrigatório" });
  });

  it("refuses an unknown table and non-admins", async () => {
    const res = await push("clientes", customers);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("table");
    const agent = (await loginAs("AGENT")).cookie;
    expect((await call(PUT, "/api/v1/sync/customers", { method: "PUT", cookie: agent, body: { rows: customers }, params: { table: "customers" } })).status).toBe(403);
  });
});
