// The search box with a fragment thousands of customers share: the results keep the documented order (by
// customer code) and page without gaps, whether the fragment is rare or common (lib/customers/search-customers.ts
// reads a common one along the primary key, collects a rare one through its trigram index).
import { beforeAll, describe, expect, it } from "vitest";
import { getBackend } from "@/lib/db";
import { GET as customers } from "@/app/api/v1/customers/route";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";

/** More customers than a search collects through the trigram index (COLLECT_LIMIT is 2,000). */
const MANY = 2_150;
/** Every seventh of them has a blocked contract. */
const BLOCKED_EVERY = 7;

let cookie: string;
let ids: number[] = [];

interface Page {
  hasMore: boolean;
  rows: { id: number; name: string; phone: string | null; contracts: { accessStatus: string; login: string | null }[] }[];
}
const search = async (q: string, extra = "") => {
  const res = await call(customers, `/api/v1/customers?q=${encodeURIComponent(q)}${extra}`, { cookie });
  expect(res.status, q).toBe(200);
  return res.body as Page;
};

beforeAll(async () => {
  cookie = (await loginAs("AGENT")).cookie;
  const { branch, plan } = await createCustomer({ customer: { name: "Outra Pessoa Qualquer" } });
  // Names run backwards against the codes ("Ricardo Teste 2150" gets the smallest code), so the order by
  // name and the order by code differ on every page.
  const q = getBackend().query.bind(getBackend());
  ids = (await q<{ id: number }>(
    `INSERT INTO "Customer" (name, document, city, state, "branchId")
     SELECT 'Ricardo Teste ' || lpad((${MANY} - i)::text, 4, '0'), '7' || lpad(i::text, 10, '0'), 'Campinas', 'SP', $1
       FROM generate_series(0, ${MANY - 1}) i ORDER BY i RETURNING id`,
    [branch.id],
  )).map((r) => r.id).sort((a, b) => a - b);
  await q(
    `INSERT INTO "Contract" ("customerId", "planId", status, "accessStatus")
     SELECT id, $1, 'ATIVO', (CASE WHEN (id - $2) % ${BLOCKED_EVERY} = 0 THEN 'BLOQUEADO' ELSE 'ATIVO' END)::"AccessStatus"
       FROM "Customer" WHERE id >= $2`,
    [plan.id, ids[0]],
  );
  await q(
    `INSERT INTO "Login" ("contractId", username, status, technology)
     SELECT k.id, 'ricardo.teste' || k."customerId", 'ATIVO', 'FIBRA' FROM "Contract" k WHERE k."customerId" >= $1`,
    [ids[0]],
  );
  await q(`INSERT INTO "CustomerPhone" ("customerId", phone) SELECT id, '551997' || lpad(id::text, 7, '0') FROM "Customer" WHERE id >= $1`, [ids[0]]);
});

describe("the search box with thousands of matches", () => {
  it("lists a name fragment they all share by customer code, page after page, up to the last", async () => {
    const first = await search("ricardo");
    expect(first.rows.map((r) => r.id)).toEqual(ids.slice(0, 20));
    expect(first.rows[0]!.name).toBe(`Ricardo Teste ${String(MANY).padStart(4, "0")}`);
    expect(first.hasMore).toBe(true);
    expect((await search("ricardo", "&page=3")).rows.map((r) => r.id)).toEqual(ids.slice(40, 60));
    const lastPage = Math.ceil(MANY / 20);
    const last = await search("ricardo", `&page=${lastPage}`);
    expect(last.rows.map((r) => r.id)).toEqual(ids.slice((lastPage - 1) * 20));
    expect(last.hasMore).toBe(false);
  });

  it("keeps the status filter on a common fragment", async () => {
    const blocked = ids.filter((id) => (id - ids[0]!) % BLOCKED_EVERY === 0);
    const page = await search("ricardo", "&accessStatus=BLOQUEADO&pageSize=50");
    expect(page.rows.map((r) => r.id)).toEqual(blocked.slice(0, 50));
    expect(page.rows.every((r) => r.contracts.some((c) => c.accessStatus === "Bloqueado"))).toBe(true);
  });

  it("lists a login prefix and phone digits they all share by customer code", async () => {
    const byLogin = await search("ricardo.tes");
    expect(byLogin.rows.map((r) => r.id)).toEqual(ids.slice(0, 20));
    expect(byLogin.rows[0]!.contracts[0]!.login).toBe(`ricardo.teste${ids[0]}`);
    const byPhone = await search("1997", "&page=2");
    expect(byPhone.rows.map((r) => r.id)).toEqual(ids.slice(20, 40));
  });

  it("finds one of them by a rare fragment, and a name typed whole", async () => {
    const one = ids[1234]!;
    const name = `Ricardo Teste ${String(MANY - 1234).padStart(4, "0")}`;
    expect((await search(name)).rows.map((r) => r.id)).toEqual([one]);
    expect((await search(`ricardo.teste${one}`)).rows.map((r) => r.id)).toEqual([one]);
  });
});
