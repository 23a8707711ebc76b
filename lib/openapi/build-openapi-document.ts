// The OpenAPI 3.1 document of /api/v1, generated from the routes' zod schemas (lib/openapi/paths) by
// zod-openapi. Built once per process: it changes only with the code.
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { PERMISSIONS, ROLE_LABEL } from "../auth/roles";
import { SESSION_COOKIE } from "../auth/sessions";
import type { RouteDoc } from "./define-route";
import { ROUTES } from "./paths";
import { errorResponseSchema } from "./schemas";

const ERROR_DESCRIPTIONS: Record<number, string> = {
  300: "Mais de um cliente casa com o identificador (telefone compartilhado): error.details.candidates; repita com customerId",
  400: "Dado inválido: error.field nomeia o campo",
  401: "Sem sessão, ou token ausente, inválido ou revogado",
  403: "O perfil não tem permissão",
  404: "Não encontrado",
  409: "Transição ou ação recusada no estado atual",
  413: "Corpo grande demais",
  429: "Tentativas demais: espere e tente de novo",
  500: "Erro inesperado (mensagem genérica; o detalhe fica no log do servidor)",
  503: "Uma dependência (o banco) está indisponível",
};

/** Who may call a route, in words, for the description. */
export function describeAccess(route: Pick<RouteDoc, "access" | "allowToken">): string {
  if (route.access === "público") return "Público (sem autenticação).";
  if (route.access === "autenticado") return "Qualquer usuário ou token autenticado.";
  const roles = PERMISSIONS[route.access].map((r) => ROLE_LABEL[r]).join(", ");
  return `Perfis: ${roles}${route.allowToken === false ? " (só sessão do navegador; tokens de API não)" : ""}.`;
}

/** A query schema as zod-openapi takes it: the object before a whole-object transform. */
function queryObject(query: NonNullable<RouteDoc["query"]>): z.ZodObject {
  return query instanceof z.ZodPipe ? (query.in as z.ZodObject) : query;
}

function operation(route: RouteDoc): ZodOpenApiOperationObject {
  const ok = `${route.status ?? 200}` as const;
  const content: Record<string, { schema: z.ZodType }> = { "application/json": { schema: route.response } };
  if (route.csv) content["text/csv"] = { schema: z.string().describe("CSV com cabeçalho, separador ;") };
  const responses: ZodOpenApiResponsesObject = {
    [ok]: { description: route.responseDescription ?? "Sucesso", content },
  };
  const errorCodes = new Set<number>([400, ...(route.access === "público" ? [] : [401]), ...(route.access === "público" || route.access === "autenticado" ? [] : [403]), ...(route.errors ?? []), 500]);
  for (const code of [...errorCodes].sort()) {
    responses[`${code}` as `${4 | 5}${string}`] = { description: ERROR_DESCRIPTIONS[code] ?? "Erro", content: { "application/json": { schema: errorResponseSchema } } };
  }
  return {
    operationId: `${route.method}${route.path.replace(/^\/api\/v1/, "").replace(/[{}]/g, "").replace(/[/.-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    tags: [route.tag],
    summary: route.summary,
    description: [route.description, describeAccess(route)].filter(Boolean).join("\n\n"),
    ...(route.access === "público" ? { security: [] } : route.allowToken === false ? { security: [{ session: [] }] } : {}),
    ...(route.params || route.query
      ? { requestParams: { ...(route.params ? { path: route.params } : {}), ...(route.query ? { query: queryObject(route.query) } : {}) } }
      : {}),
    ...(route.body ? { requestBody: { required: !route.bodyOptional, content: { "application/json": { schema: route.body } } } } : {}),
    responses,
  };
}

export function buildOpenApiDocument(routes: readonly RouteDoc[] = ROUTES) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const item = (paths[route.path] ??= {});
    if (item[route.method]) throw new Error(`OpenAPI: ${route.method.toUpperCase()} ${route.path} descrita duas vezes`);
    item[route.method] = operation(route);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Raio API",
      version: "1",
      description:
        "API HTTP do Raio: diagnósticos de clientes para o chatbot, atendimento, ordens de serviço de manutenção e administração. " +
        "Autenticação por token (Authorization: Bearer <token>, criado em Configurações) ou pela sessão do navegador. Erros sempre " +
        "como { error: { code, message, field? } }, com mensagem em português.",
    },
    servers: [{ url: "/", description: "este servidor" }],
    security: [{ bearer: [] }, { session: [] }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Token de API (Configurações → Tokens de API, ou npm run token)" },
        session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "Sessão do navegador (POST /api/v1/auth/login)" },
      },
    },
    tags: [...new Set(routes.map((r) => r.tag))].map((name) => ({ name })),
    paths,
  });
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

let cached: OpenApiDocument | undefined;

/** The document of every route (built on first use). */
export function getOpenApiDocument(): OpenApiDocument {
  cached ??= buildOpenApiDocument();
  return cached;
}
