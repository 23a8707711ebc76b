// The diagnostics answer is the chatbot's contract, published as diagnosticsResponseSchema (and from it, the
// OpenAPI document). The real answers, in every shape they take, must parse with it — strictly: a field the
// answer gains without a line in the schema fails here.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as diagnostics } from "@/app/api/v1/diagnostics/route";
import { diagnosticsResponseSchema } from "@/lib/customer-diagnostics/diagnostics-response-schema";
import { generateCnpj } from "@/lib/validation/document";
import { call } from "../helpers/http";
import { createBearer, createCustomer } from "../helpers/factory";
import { addTrustUnlock, createBlockedCustomer, createExecutingOrder } from "./fixtures";

let token: string;
const get = (query: string) => call(diagnostics, `/api/v1/diagnostics?${query}`, { token });

beforeAll(async () => {
  token = (await createBearer("AGENT", "contrato do chatbot")).token;
});

function expectContract(body: unknown) {
  const parsed = diagnosticsResponseSchema.safeParse(body);
  if (!parsed.success) throw new Error(`a resposta não segue o schema publicado:\n${JSON.stringify(parsed.error.issues, null, 2)}`);
  return parsed.data;
}

describe("the diagnostics answer follows its published schema", () => {
  it("for a customer with one active contract and login (by CPF)", async () => {
    const { customer } = await createCustomer({ phone: "5519991234567" });
    const res = await get(`cpf=${customer.document}`);
    expect(res.status).toBe(200);
    const answer = expectContract(res.body);
    expect(answer.lookup.by).toBe("cpf");
    expect(answer.contract?.plan.technology).toBe("Fibra");
  });

  it("for a blocked contract with an open invoice and a trust unlock in effect", async () => {
    const { customer, contract } = await createBlockedCustomer();
    await addTrustUnlock(contract.id, 1);
    const answer = expectContract((await get(`customerId=${customer.id}`)).body);
    expect(answer.contract?.openInvoice?.overdue).toBe(true);
    expect(answer.contract?.activeTrustUnlock).not.toBeNull();
  });

  it("for a customer inside an executing maintenance region, with a used-up allowance (routeTo)", async () => {
    const { customer } = await createCustomer({ lng: -47.5, lat: -22.5, plan: { allowanceGb: 1 }, login: { dataUsedMb: 2048 } });
    await createExecutingOrder(-47.5, -22.5, "Olá {{primeiroNome}}, OS {{os}} até {{previsao}}.");
    const answer = expectContract((await get(`customerId=${customer.id}`)).body);
    expect(answer.maintenance?.orders).toHaveLength(1);
    expect(answer.routeTo).not.toBeNull();
    expect(answer.variables.diagnosticoAcessoFranquiatindgida).toBe("Sim");
  });

  it("for a company (CNPJ) without contracts and without a location", async () => {
    const made = await createCustomer({ customer: { document: generateCnpj(Math.random), lat: null, lng: null }, login: null });
    await db.contract.delete({ where: { id: made.contract.id } });
    const answer = expectContract((await get(`customerId=${made.customer.id}`)).body);
    expect(answer.customer.documentKind).toBe("CNPJ");
    expect(answer.contract).toBeNull();
    expect(answer.contracts).toEqual([]);
  });

  it("rejects an answer with a misspelled variable name (the schema is strict)", async () => {
    const { customer } = await createCustomer();
    const body = (await get(`customerId=${customer.id}`)).body;
    const { diagnosticoContratoRestricaoDesbloquioConfianca, ...rest } = body.variables;
    const broken = { ...body, variables: { ...rest, diagnosticoContratoRestricaoDesbloqueioConfianca: diagnosticoContratoRestricaoDesbloquioConfianca } };
    expect(diagnosticsResponseSchema.safeParse(broken).success).toBe(false);
  });
});
