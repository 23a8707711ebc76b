// The answer of GET /api/v1/diagnostics as it travels (JSON: instants as ISO 8601 strings): the chatbot's
// contract. The OpenAPI document is generated from this schema, and a test parses the real answer with it,
// so a field added to shapeDiagnosticsResponse without a line here fails that test.
import { z } from "zod";
import { DIAGNOSTIC_VALUES, DIAGNOSTIC_VARIABLES, type DiagnosticVariable } from "../diagnostics/types";
import { VARIABLE_LABELS } from "../diagnostics/variable-labels";
import { ACCESS_STATUS_VALUES, CONTRACT_STATUS_VALUES, LOGIN_STATUS_VALUES, TECHNOLOGY_VALUES } from "../domain/status-values";
import { LOOKUP_FIELDS } from "../validation/customer-lookup";

const values = <T extends Record<string, string>>(map: T) => Object.values(map) as [T[keyof T], ...T[keyof T][]];
const instant = z.iso.datetime({ offset: true }).describe("instante ISO 8601 (UTC)");
const calendarDate = z.iso.date().describe("data AAAA-MM-DD");
const id = z.number().int().positive();

const perVariable = <S extends z.ZodType>(schemaOf: (name: DiagnosticVariable) => S) =>
  z.strictObject(Object.fromEntries(DIAGNOSTIC_VARIABLES.map((name) => [name, schemaOf(name)])) as Record<DiagnosticVariable, S>);

export const diagnosticVariablesSchema = perVariable((name) =>
  z.enum(DIAGNOSTIC_VALUES[name] as readonly string[] as [string, ...string[]]).describe(VARIABLE_LABELS[name]),
).meta({ id: "DiagnosticVariables", description: "As onze variáveis de diagnóstico, com os nomes exatos usados nos fluxos do chatbot." });

export const diagnosticPathsSchema = perVariable(() => z.enum(["verde", "vermelho"])).meta({
  id: "DiagnosticPaths",
  description: "O caminho do fluxo para cada variável: verde (condição esperada) ou vermelho (pede ação).",
});

export const diagnosticReasonsSchema = perVariable(() => z.string()).meta({
  id: "DiagnosticReasons",
  description: "Um motivo curto em português para cada variável (para o atendente e os registros).",
});

const loginViewSchema = z
  .strictObject({
    id,
    username: z.string(),
    status: z.enum(values(LOGIN_STATUS_VALUES)),
    online: z.boolean(),
    lastSeenAt: instant.nullable(),
    technology: z.enum(values(TECHNOLOGY_VALUES)),
    dataUsedMb: z.number(),
    allowanceMb: z.number().nullable().describe("franquia do ciclo em MB; null = ilimitada"),
    allowanceUsedPercent: z.number().nullable().describe("parte da franquia usada, em %; null = ilimitada"),
    cycleStart: instant.nullable(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
    locationSource: z.enum(["login", "cliente"]).describe("de onde vem a localização: o ponto de instalação ou o endereço do cliente"),
  })
  .meta({ id: "DiagnosedLogin" });

const contractViewSchema = z
  .strictObject({
    id,
    status: z.enum(values(CONTRACT_STATUS_VALUES)),
    accessStatus: z.enum(values(ACCESS_STATUS_VALUES)),
    reducedSpeed: z.boolean(),
    trustUnlockEligible: z.boolean(),
    activatedAt: instant.nullable(),
    plan: z.strictObject({
      id,
      name: z.string(),
      downloadMbps: z.number(),
      uploadMbps: z.number(),
      priceCents: z.number().int().describe("mensalidade em centavos"),
      allowanceGb: z.number().nullable().describe("franquia por ciclo em GB; null = ilimitada"),
      technology: z.enum(values(TECHNOLOGY_VALUES)),
    }),
    activeTrustUnlock: z.strictObject({ id, performedAt: instant, expiresAt: instant }).nullable(),
    lastTrustUnlock: z.strictObject({ performedAt: instant, expiresAt: instant, channel: z.string() }).nullable(),
    openInvoices: z.number().int().describe("faturas em aberto"),
    openInvoice: z
      .strictObject({
        id, dueDate: calendarDate, amountCents: z.number().int(), overdue: z.boolean(),
        digitableLine: z.string().nullable().describe("linha digitável do boleto"),
        paymentUrl: z.string().nullable().describe("link de pagamento da fatura"),
      })
      .nullable()
      .describe("a fatura em aberto mais antiga (a da segunda via)"),
  })
  .meta({ id: "DiagnosedContract" });

const maintenanceSchema = z
  .strictObject({
    message: z.string().describe("a(s) mensagem(ns) de retorno para enviar ao cliente, uma por OS, separadas por uma linha em branco"),
    orders: z.array(
      z.strictObject({
        id,
        number: z.number().int(),
        subject: z.string(),
        description: z.string(),
        expectedEndAt: instant.nullable(),
        executedAt: instant.nullable(),
        lastUpdate: z.strictObject({ text: z.string(), at: instant }).nullable().describe("a última atualização para os clientes na linha do tempo da OS"),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: "MaintenanceAnswer", description: "Presente quando o cliente está numa região cuja OS está Em Execução." });

export const diagnosticsResponseSchema = z
  .strictObject({
    lookup: z.strictObject({ by: z.enum(LOOKUP_FIELDS).describe("o identificador que encontrou o cliente") }),
    checkedAt: instant,
    expectedTechnology: z.enum(values(TECHNOLOGY_VALUES)).nullable(),
    customer: z.strictObject({
      id,
      name: z.string(),
      document: z.string().describe("CPF ou CNPJ formatado"),
      documentKind: z.enum(["CPF", "CNPJ"]),
      active: z.boolean(),
      email: z.string().nullable(),
      address: z.strictObject({
        street: z.string().nullable(),
        number: z.string().nullable(),
        neighborhood: z.string().nullable(),
        city: z.string(),
        state: z.string(),
        zip: z.string().nullable(),
      }),
      lat: z.number().nullable(),
      lng: z.number().nullable(),
      phones: z.array(z.strictObject({ phone: z.string(), label: z.string().nullable() })),
      branch: z.strictObject({ id, name: z.string(), central: z.string(), centralPhone: z.string().nullable() }),
    }),
    contractId: id.nullable().describe("o contrato diagnosticado"),
    defaultContractId: id.nullable(),
    variables: diagnosticVariablesSchema,
    paths: diagnosticPathsSchema,
    reasons: diagnosticReasonsSchema,
    contract: contractViewSchema.nullable(),
    login: loginViewSchema.nullable().describe("o login diagnosticado"),
    logins: z.array(loginViewSchema).describe("todos os logins do contrato diagnosticado"),
    maintenance: maintenanceSchema.nullable(),
    routeTo: z
      .strictObject({ central: z.string(), phone: z.string().nullable(), branch: z.string() })
      .nullable()
      .describe("para onde encaminhar quando a franquia acabou"),
    contracts: z.array(
      z.strictObject({
        id,
        isDefault: z.boolean(),
        selected: z.boolean(),
        status: z.enum(values(CONTRACT_STATUS_VALUES)),
        accessStatus: z.enum(values(ACCESS_STATUS_VALUES)),
        plan: z.string(),
        login: z.string().nullable(),
        variables: diagnosticVariablesSchema,
        paths: diagnosticPathsSchema,
        reasons: diagnosticReasonsSchema,
      }),
    ).describe("as variáveis de cada contrato do cliente"),
  })
  .meta({ id: "DiagnosticsResponse", description: "As variáveis de diagnóstico de um cliente e o contexto para o atendimento." });

export type DiagnosticsResponse = z.infer<typeof diagnosticsResponseSchema>;
