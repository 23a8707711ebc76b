import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as diagnostics } from "@/app/api/v1/diagnostics/route";
import { POST as render } from "@/app/api/v1/render/route";
import { GET as customers } from "@/app/api/v1/customers/route";
import { DIAGNOSTIC_VARIABLES } from "@/lib/diagnostics/types";
import { formatDocument, generateCnpj } from "@/lib/validation/document";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { call } from "../helpers/http";
import { createBearer, createCustomer, createPlan, loginAs } from "../helpers/factory";
import { createExecutingOrder, writeCounts } from "./fixtures";

let token: string;
const get = (query: string, t: string | undefined = token) => call(diagnostics, `/api/v1/diagnostics?${query}`, { token: t });

beforeAll(async () => {
  token = (await createBearer("AGENT", "opa-suite")).token;
});

describe("finding the customer", () => {
  it("finds the same customer by CPF (with and without punctuation), phone in any format, login and id", async () => {
    const { customer, login } = await createCustomer({ phone: "5519998765432" });
    const queries = [
      `cpf=${encodeURIComponent(formatDocument(customer.document))}`,
      `cpf=${customer.document}`,
      `phone=${encodeURIComponent("+55 (19) 99876-5432")}`,
      `phone=${encodeURIComponent("19 9876-5432")}`,
      `phone=${encodeURIComponent("(019) 99876 5432")}`,
      `login=${login!.username}`,
      `customerId=${customer.id}`,
      `customerId=${customer.id}&cpf=${customer.document}&phone=19998765432`,
    ];
    for (const q of queries) {
      const res = await get(q);
      expect(res.status, q).toBe(200);
      expect(res.body.customer.id, q).toBe(customer.id);
    }
  });

  it("finds a company by a punctuated CNPJ", async () => {
    const cnpj = generateCnpj(Math.random);
    const { customer } = await createCustomer({ customer: { document: cnpj, name: "Padaria Teste Ltda" } });
    const res = await get(`cpf=${encodeURIComponent(formatDocument(cnpj))}`);
    expect(res.status).toBe(200);
    expect(res.body.customer).toMatchObject({ id: customer.id, documentKind: "CNPJ" });
  });

  it("answers exactly the eleven variables, each with its path and reason", async () => {
    const { customer } = await createCustomer();
    const res = await get(`customerId=${customer.id}`);
    expect(Object.keys(res.body.variables)).toEqual([...DIAGNOSTIC_VARIABLES]);
    expect(Object.keys(res.body.paths)).toEqual([...DIAGNOSTIC_VARIABLES]);
    expect(Object.keys(res.body.reasons)).toEqual([...DIAGNOSTIC_VARIABLES]);
    expect(res.body.variables).toEqual({
      diagnosticoClienteStatus: "Ativo",
      diagnosticoContratoStatus: "Ativo",
      diagnosticoContratoStatusAcesso: "Ativo",
      diagnosticoContratoUsandoDesbloqueioConfianca: "Não",
      diagnosticoContratoRestricaoDesbloquioConfianca: "Sim",
      diagnosticoContratoVelocidadeReduzida: "Não",
      diagnosticoClienteEmAreaManutencao: "Não",
      diagnosticoAcessoStatus: "Ativo",
      diagnosticoAcessoFranquiatindgida: "Não",
      diagnosticoAcessoOnline: "Sim",
      diagnosticoAcessoTecnologia: "Fibra",
    });
    expect(res.body.paths.diagnosticoAcessoOnline).toBe("verde");
    expect(res.body.paths.diagnosticoContratoRestricaoDesbloquioConfianca).toBe("vermelho");
    expect(res.body.maintenance).toBeNull();
    expect(res.body.routeTo).toBeNull();
  });

  it("compares the technology with the one the flow expects", async () => {
    const { customer } = await createCustomer({ plan: { technology: "RADIO" } });
    const fibra = await get(`customerId=${customer.id}&expectedTechnology=Fibra`);
    expect(fibra.body.variables.diagnosticoAcessoTecnologia).toBe("Radio");
    expect(fibra.body.paths.diagnosticoAcessoTecnologia).toBe("vermelho");
    const radio = await get(`customerId=${customer.id}&expectedTechnology=radio`);
    expect(radio.body.paths.diagnosticoAcessoTecnologia).toBe("verde");
  });

  it("lists the candidates when a phone is shared (300 AMBIGUOUS), and the CPF settles it", async () => {
    const a = await createCustomer({ phone: "5519991112222" });
    const b = await createCustomer({ phone: "5519991112222" });
    const res = await get("phone=19991112222");
    expect(res.status).toBe(300);
    expect(res.body.error.code).toBe("AMBIGUOUS");
    expect(res.body.error.details.candidates.map((c: { id: number }) => c.id)).toEqual([a.customer.id, b.customer.id]);
    expect(res.body.error.details.candidates[0].document).toMatch(/^\*\*\*\.\d{3}\.\d{3}-\*\*$/);
    const settled = await get(`phone=19991112222&cpf=${b.customer.document}`);
    expect(settled.status).toBe(200);
    expect(settled.body.customer.id).toBe(b.customer.id);
  });

  it("diagnoses the maintenance area with the subject's message rendered", async () => {
    const { customer } = await createCustomer({ lng: -47.2, lat: -22.7, customer: { name: "Joana Prado Lima" } });
    const { order } = await createExecutingOrder(-47.2, -22.7, "Olá {{nome}}, OS {{os}} em andamento, previsão {{previsao}}. Acesso: {{diagnosticoAcessoOnline}} {{xyz}}");
    const res = await get(`cpf=${customer.document}`);
    expect(res.body.variables.diagnosticoClienteEmAreaManutencao).toBe("Sim");
    expect(res.body.paths.diagnosticoClienteEmAreaManutencao).toBe("vermelho");
    expect(res.body.maintenance.orders[0].number).toBe(order.number);
    expect(res.body.maintenance.message).toBe(`Olá Joana Prado Lima, OS ${order.number} em andamento, previsão 15/01/2030 14:30. Acesso: Sim {{xyz}}`);
  });

  it("routes to the branch central when the allowance is used up", async () => {
    const plan = await createPlan({ allowanceGb: 10 });
    const { customer } = await createCustomer({ plan: { allowanceGb: 10 }, login: { dataUsedMb: 10 * 1024 } });
    void plan;
    const res = await get(`customerId=${customer.id}`);
    expect(res.body.variables.diagnosticoAcessoFranquiatindgida).toBe("Sim");
    expect(res.body.routeTo).toEqual({ central: "Central Teste", phone: "551932320100", branch: "Filial Teste" });
  });
});

describe("several contracts", () => {
  it("diagnoses each contract, chooses the Ativo one by default, and contractId chooses another", async () => {
    const { customer, contract: active, plan } = await createCustomer();
    const old = await db.contract.create({
      data: { customerId: customer.id, planId: plan.id, status: "INATIVO", accessStatus: "DESATIVADO", activatedAt: new Date() },
    });
    const res = await get(`customerId=${customer.id}`);
    expect(res.body.contractId).toBe(active.id);
    expect(res.body.defaultContractId).toBe(active.id);
    expect(res.body.contracts).toHaveLength(2);
    const other = res.body.contracts.find((c: { id: number }) => c.id === old.id);
    expect(other.variables.diagnosticoContratoStatus).toBe("Inativo");
    expect(other.isDefault).toBe(false);

    const chosen = await get(`customerId=${customer.id}&contractId=${old.id}`);
    expect(chosen.body.contractId).toBe(old.id);
    expect(chosen.body.variables.diagnosticoContratoStatus).toBe("Inativo");
    expect(chosen.body.variables.diagnosticoContratoStatusAcesso).toBe("Desativado");
    expect(chosen.body.login).toBeNull();
  });

  it("diagnoses the contract of the login it was asked about", async () => {
    const { customer, plan } = await createCustomer();
    const second = await db.contract.create({ data: { customerId: customer.id, planId: plan.id, status: "ATIVO", accessStatus: "BLOQUEADO", activatedAt: new Date(0) } });
    const login = await db.login.create({ data: { contractId: second.id, username: `segundo.${customer.id}`, status: "ATIVO", technology: "FIBRA" } });
    const res = await get(`login=${login.username}`);
    expect(res.body.contractId).toBe(second.id);
    expect(res.body.login.username).toBe(login.username);
    expect(res.body.variables.diagnosticoContratoStatusAcesso).toBe("Bloqueado");
  });
});

describe("bad requests change nothing", () => {
  it.each([
    { label: "a CPF with wrong check digits", query: "cpf=529.982.247-24", status: 400, field: "cpf" },
    { label: "a CPF of the wrong length", query: "cpf=1234", status: 400, field: "cpf" },
    { label: "a malformed phone", query: "phone=12ab", status: 400, field: "phone" },
    { label: "a phone without DDD", query: "phone=98765-4321", status: 400, field: "phone" },
    { label: "a non-numeric customerId", query: "customerId=abc", status: 400, field: "customerId" },
    { label: "an unknown technology", query: "customerId=1&expectedTechnology=5G", status: 400, field: "expectedTechnology" },
    { label: "no identifier at all", query: "", status: 400, field: "cpf" },
    { label: "an unknown CPF", query: "cpf=529.982.247-25", status: 404, field: undefined },
    { label: "an unknown phone", query: "phone=11987654300", status: 404, field: undefined },
    { label: "an unknown login", query: "login=ninguem.aqui", status: 404, field: undefined },
    { label: "an unknown id", query: "customerId=99999999", status: 404, field: undefined },
  ])("$label → $status", async ({ query, status, field }) => {
    await createCustomer();
    const before = await writeCounts();
    const res = await get(query);
    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(/[a-zà-ú]/);
    if (status === 404) expect(res.body.error.message).toMatch(/Nenhum cliente encontrado/);
    expect(await writeCounts()).toEqual(before);
  });

  it("refuses two identifiers of different customers naming the second field", async () => {
    const a = await createCustomer();
    const b = await createCustomer({ phone: "5519994443333" });
    const before = await writeCounts();
    const res = await get(`cpf=${a.customer.document}&phone=19994443333`);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("phone");
    const res2 = await get(`customerId=${a.customer.id}&login=${b.login!.username}`);
    expect(res2.body.error.field).toBe("login");
    const res3 = await get(`customerId=${a.customer.id}&contractId=${b.contract.id}`);
    expect(res3.status).toBe(400);
    expect(res3.body.error.field).toBe("contractId");
    expect(await writeCounts()).toEqual(before);
  });

  it("answers 401 without a token or with a revoked one; every role may read", async () => {
    const { customer } = await createCustomer();
    const before = await writeCounts();
    expect((await call(diagnostics, `/api/v1/diagnostics?customerId=${customer.id}`)).status).toBe(401);
    const revoked = await createBearer("AGENT", "antigo");
    await revokeApiToken(revoked.record.id);
    expect((await get(`customerId=${customer.id}`, revoked.token)).status).toBe(401);
    for (const role of ["ADMIN", "MANAGER", "AGENT"] as const) {
      const { cookie } = await loginAs(role);
      const res = await call(diagnostics, `/api/v1/diagnostics?customerId=${customer.id}`, { cookie });
      expect(res.status).toBe(200);
    }
    expect(await writeCounts()).toEqual(before);
  });
});

describe("render", () => {
  it("fills the variables for the customer and leaves unknown ones visible, evaluating nothing", async () => {
    const { customer } = await createCustomer({ customer: { name: "Rui Costa Neto" }, contract: { accessStatus: "BLOQUEADO" } });
    const template = "Oi {{primeiroNome}}, seu acesso está {{ diagnosticoContratoStatusAcesso }}. {{naoExiste}} {{constructor}} ${1+1} <b>x</b>";
    const res = await call(render, "/api/v1/render", { token, body: { cpf: formatDocument(customer.document), template } });
    expect(res.status).toBe(200);
    expect(res.body.text).toBe("Oi Rui, seu acesso está Bloqueado. {{naoExiste}} {{constructor}} ${1+1} <b>x</b>");
  });

  it("refuses a missing template and an unknown customer", async () => {
    const before = await writeCounts();
    const missing = await call(render, "/api/v1/render", { token, body: { customerId: 1 } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.field).toBe("template");
    const unknown = await call(render, "/api/v1/render", { token, body: { customerId: 99999999, template: "x" } });
    expect(unknown.status).toBe(404);
    expect(await writeCounts()).toEqual(before);
  });
});

describe("the search box", () => {
  it("finds by partial name, formatted CPF, phone, login prefix and pages the results", async () => {
    const { customer, login } = await createCustomer({ customer: { name: "Zuleica Buscável Teste" }, phone: "5519997771234" });
    const { cookie } = await loginAs("AGENT");
    const search = (q: string, extra = "") => call(customers, `/api/v1/customers?q=${encodeURIComponent(q)}${extra}`, { cookie });
    for (const q of ["zuleica busc", formatDocument(customer.document), customer.document.slice(0, 6), "(19) 99777-1234", "97771234", login!.username.slice(0, 12)]) {
      const res = await search(q);
      expect(res.status, q).toBe(200);
      expect(res.body.rows.map((r: { id: number }) => r.id), q).toContain(customer.id);
    }
    for (let i = 0; i < 3; i++) await createCustomer({ customer: { name: `Zuleica Página ${i}` } });
    const first = await search("zuleica", "&pageSize=2");
    expect(first.body.rows).toHaveLength(2);
    expect(first.body.hasMore).toBe(true);
    const last = await search("zuleica", "&pageSize=2&page=2");
    expect(last.body.rows).toHaveLength(2);
    expect(last.body.hasMore).toBe(false);
  });

  it("orders by customer code across every way of matching, takes % and _ literally, and combines the status filter", async () => {
    const { cookie } = await loginAs("AGENT");
    const search = async (q: string, extra = "") =>
      (await call(customers, `/api/v1/customers?q=${encodeURIComponent(q)}${extra}`, { cookie })).body as {
        rows: { id: number; name: string; contracts: { accessStatus: string }[] }[];
      };
    const byName = await createCustomer({ customer: { name: "Yolanda Quatrocentos" } });
    const byLogin = await createCustomer({ customer: { name: "Abel Sem Nome Igual" }, login: { username: "quatrocentos.abel" } });
    const blocked = await createCustomer({ customer: { name: "Mário Quatrocentos" }, contract: { accessStatus: "BLOQUEADO" } });
    // "quatrocentos" is a name part of two customers and the start of another's login: one list, by code
    // (the oldest customer first), not by name.
    expect((await search("quatrocentos")).rows.map((r) => r.id)).toEqual([byName.customer.id, byLogin.customer.id, blocked.customer.id]);
    const onlyBlocked = await search("quatrocentos", "&accessStatus=BLOQUEADO");
    expect(onlyBlocked.rows.map((r) => r.id)).toEqual([blocked.customer.id]);
    expect(onlyBlocked.rows[0]!.contracts[0]!.accessStatus).toBe("Bloqueado");
    // % and _ are characters the agent typed, not wildcards.
    expect((await search("quatro%tos")).rows).toEqual([]);
    expect((await search("Quatrocent_s")).rows).toEqual([]);
    // Text that cannot name anybody finds nobody (and is no error), with or without a filter.
    expect((await search("x")).rows).toEqual([]);
    expect((await search("-", "&accessStatus=BLOQUEADO")).rows).toEqual([]);
    // The customer code finds the customer too.
    expect((await search(String(byName.customer.id))).rows.map((r) => r.id)).toContain(byName.customer.id);
  });
});
