import { beforeAll, describe, expect, it } from "vitest";
import { GET as chatbot } from "@/app/api/v1/chatbot/diagnostics/[field]/[value]/route";
import { chatbotDiagnosticsSchema, chatbotErrorSchema } from "@/lib/chatbot/chatbot-answer-schema";
import { DIAGNOSTIC_VARIABLES } from "@/lib/diagnostics/types";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { formatDocument } from "@/lib/validation/document";
import { call } from "../helpers/http";
import { createBearer, createCustomer, loginAs } from "../helpers/factory";
import { createBlockedCustomer, createExecutingOrder, writeCounts } from "../diagnostics/fixtures";

let token: string;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

function get(field: string, value: string, opts: { token?: string; headers?: Record<string, string>; cookie?: string; query?: string } = {}) {
  const path = `/api/v1/chatbot/diagnostics/${field}/${encodeURIComponent(value)}${opts.query ? `?${opts.query}` : ""}`;
  const auth = opts.headers || opts.cookie ? {} : { token: opts.token ?? token };
  return call(chatbot, path, { ...auth, headers: opts.headers, cookie: opts.cookie, params: { field, value: encodeURIComponent(value) } });
}

beforeAll(async () => {
  token = (await createBearer("AGENT", "opa-suite")).token;
});

describe("GET /api/v1/chatbot/diagnostics", () => {
  it("answers the eleven variables and the ready texts as top-level strings, by CPF, phone and login", async () => {
    const { customer, login } = await createCustomer({ phone: "5519998765432" });
    for (const [field, value] of [
      ["cpf", formatDocument(customer.document)],
      ["cpf", customer.document],
      ["phone", "+55 (19) 99876-5432"],
      ["phone", "19998765432"],
      ["login", login!.username],
    ] as const) {
      const res = await get(field, value);
      expect(res.status, `${field} ${value}`).toBe(200);
      const body = chatbotDiagnosticsSchema.parse(res.body);
      for (const [key, v] of Object.entries(res.body)) expect(typeof v, key).toBe("string");
      for (const name of DIAGNOSTIC_VARIABLES) expect(body[name], name).toBeTypeOf("string");
      expect(body).toMatchObject({
        codigoCliente: String(customer.id),
        diagnosticoAcessoOnline: "Sim",
        diagnosticoClienteEmAreaManutencao: "Não",
        situacao: "normal",
        mensagemManutencao: "",
        previsao: "",
        centralAtendimento: "Central Teste",
        telefoneCentral: "(19) 3232-0100",
        linhaDigitavel: "",
        linkFatura: "",
        login: login!.username,
      });
      expect(body.resumo).toMatch(/^Olá, Cliente! Seu acesso está ativo e conectado/);
    }
  });

  it("gives a customer in an executing maintenance region the rendered message and the forecast", async () => {
    const { customer } = await createCustomer({ lng: -47.5, lat: -22.5 });
    await createExecutingOrder(-47.5, -22.5, "Olá, {{primeiroNome}}! Manutenção na OS {{os}}, previsão {{previsao}}.");
    const res = await get("cpf", customer.document);
    expect(res.status).toBe(200);
    const body = chatbotDiagnosticsSchema.parse(res.body);
    expect(body.diagnosticoClienteEmAreaManutencao).toBe("Sim");
    expect(body.situacao).toBe("manutencao");
    expect(body.previsao).toBe("15/01/2030 14:30");
    expect(body.mensagemManutencao).toBe(`Olá, Cliente! Manutenção na OS ${body.os}, previsão 15/01/2030 14:30.`);
    expect(body.resumo).toBe(body.mensagemManutencao);
  });

  it("hands a blocked customer the open invoice's digitable line and payment link, in the fields and in the text", async () => {
    const { customer, overdue } = await createBlockedCustomer();
    const res = await get("cpf", customer.document);
    const body = chatbotDiagnosticsSchema.parse(res.body);
    expect(body).toMatchObject({
      diagnosticoContratoStatusAcesso: "Financeiro Em Atraso",
      situacao: "acesso_bloqueado",
      linhaDigitavel: overdue.digitableLine,
      linkFatura: overdue.paymentUrl,
      valorFatura: "R$ 99,90",
      faturaVencida: "Sim",
      faturasEmAberto: "2",
    });
    expect(body.resumo).toContain("está Financeiro Em Atraso");
    expect(body.resumo).toContain(`Linha digitável: ${overdue.digitableLine}`);
    expect(body.resumo).toContain(`Pague pelo link: ${overdue.paymentUrl}`);
  });

  it("tells an offline customer to restart the equipment", async () => {
    const { customer } = await createCustomer({ login: { online: false } });
    const body = chatbotDiagnosticsSchema.parse((await get("cpf", customer.document)).body);
    expect(body.situacao).toBe("offline");
    expect(body.resumo).toContain("Desligue o equipamento");
  });

  it("accepts Basic auth with user 'token' and the API token as password, and refuses other users", async () => {
    const { customer } = await createCustomer();
    const ok = await get("cpf", customer.document, { headers: { authorization: basic("token", token) } });
    expect(ok.status).toBe(200);
    expect(ok.body.codigoCliente).toBe(String(customer.id));
    const upper = await get("cpf", customer.document, { headers: { authorization: basic("TOKEN", token) } });
    expect(upper.status).toBe(200);

    for (const authorization of [basic("admin", token), basic("token", "raio_errado"), basic("token", ""), "Basic %%%", "Token abc"]) {
      const res = await get("cpf", customer.document, { headers: { authorization } });
      expect(res.status, authorization).toBe(401);
      expect(chatbotErrorSchema.parse(res.body).situacao).toBe("nao_autorizado");
    }
  });

  it("refuses a session cookie, no credentials and a revoked token", async () => {
    const { customer } = await createCustomer();
    const { cookie } = await loginAs("AGENT");
    expect((await get("cpf", customer.document, { cookie })).status).toBe(401);
    expect((await get("cpf", customer.document, { headers: {} })).status).toBe(401);
    const { token: revoked, record } = await createBearer("AGENT", "a revogar");
    await revokeApiToken(record.id);
    const res = await get("cpf", customer.document, { headers: { authorization: basic("token", revoked) } });
    expect(res.status).toBe(401);
  });

  it("answers statuses a flow can branch on: 404 unknown, 300 shared phone, 400 naming the field", async () => {
    await createCustomer({ phone: "5519988887777" });
    await createCustomer({ phone: "5519988887777" });
    const before = await writeCounts();
    const missing = await get("cpf", "529.982.247-25");
    expect(missing.status).toBe(404);
    expect(chatbotErrorSchema.parse(missing.body)).toMatchObject({ situacao: "nao_encontrado", error: { code: "NOT_FOUND" } });
    expect(missing.body.resumo).toContain("Não encontrei um cadastro");

    const shared = await get("phone", "19988887777");
    expect(shared.status).toBe(300);
    expect(chatbotErrorSchema.parse(shared.body).situacao).toBe("ambiguo");
    expect(shared.body.error.details.candidates).toHaveLength(2);
    expect(shared.body.resumo).toContain("informe o CPF");

    const bad = await get("cpf", "123");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ situacao: "dado_invalido", error: { code: "VALIDATION", field: "cpf" } });
    const badPhone = await get("phone", "12");
    expect(badPhone.body.error.field).toBe("phone");

    const unknownField = await get("email", "x@y.z");
    expect(unknownField.status).toBe(404);
    expect(unknownField.body.error.message).toContain("/cpf/{valor}");

    const otherQuery = await get("cpf", "529.982.247-25", { query: "login=alguem" });
    expect(otherQuery.status).toBe(404); // the query's identifier is ignored: only options are read there
    expect(await writeCounts()).toEqual(before);
  });

  it("diagnoses the contract named in the query string", async () => {
    const { customer, plan } = await createCustomer();
    const { db } = await import("@/lib/db");
    const second = await db.contract.create({ data: { customerId: customer.id, planId: plan.id, status: "ATIVO", accessStatus: "BLOQUEADO" } });
    const res = await get("cpf", customer.document, { query: `contractId=${second.id}` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ contrato: String(second.id), diagnosticoContratoStatusAcesso: "Bloqueado", quantidadeContratos: "2", situacao: "acesso_bloqueado" });
  });
});
