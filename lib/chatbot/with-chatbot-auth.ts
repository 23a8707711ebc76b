// Authentication of the chatbot routes: the usual Bearer API token, or HTTP Basic for builders whose HTTP
// block only offers user + password. Basic's mapping: user "token" (any letter case), password = the API token
// (the same token a Bearer caller sends). The Basic header is turned into the Bearer one and the request goes
// through the app's one wrapper (withAuth): same token lookup, revocation, permission check and error mapping.
// A session cookie is not accepted here: these routes are for integrations.
import { withAuth, type AuthOptions } from "../auth/with-auth";
import type { Principal } from "../auth/principal";
import { errorResponse, unauthenticated } from "../errors";
import type { ChatbotError } from "./chatbot-answer-schema";

/** The user name Basic callers give; the password is the API token. */
export const BASIC_USER = "token";

type Handler<P> = (req: Request, ctx: { principal: Principal; params: P }) => Promise<Response> | Response;

/** "Basic …" → "Bearer <token>"; other headers pass unchanged. Throws a 401 for a malformed Basic header. */
export function basicToBearer(authorization: string | null): string | null {
  if (!authorization) return null;
  const m = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(authorization);
  if (!m) {
    if (/^Basic\b/i.test(authorization)) throw unauthenticated("Cabeçalho Authorization Basic inválido: use usuário 'token' e o token de API como senha.");
    return authorization;
  }
  const decoded = Buffer.from(m[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  const password = colon < 0 ? "" : decoded.slice(colon + 1);
  if (user.trim().toLowerCase() !== BASIC_USER || password.trim() === "") {
    throw unauthenticated(`Autenticação Basic: use o usuário '${BASIC_USER}' e o token de API como senha.`);
  }
  return `Bearer ${password.trim()}`;
}

export function withChatbotAuth<P = Record<string, never>>(handler: Handler<P>, opts: Omit<AuthOptions, "allowToken"> = {}) {
  const inner = withAuth<P>(handler, { ...opts, allowToken: true });
  return async (req: Request, ctx?: { params: Promise<P> }): Promise<Response> => {
    let authorization: string | null;
    try {
      authorization = basicToBearer(req.headers.get("authorization"));
      if (!authorization) throw unauthenticated(`Autenticação necessária: 'Authorization: Bearer <token>' ou Basic com usuário '${BASIC_USER}' e o token como senha.`);
    } catch (err) {
      return withSituation(errorResponse(err));
    }
    const headers = new Headers(req.headers);
    headers.set("authorization", authorization);
    headers.delete("cookie");
    return withSituation(await inner(new Request(req, { headers }), ctx));
  };
}

const TRANSFER = "Não consegui consultar seu cadastro agora. Vou transferir você para um atendente.";
/** What the flow does on each answer that is not a diagnosis, by HTTP status. */
const SITUATIONS: Record<number, Pick<ChatbotError, "situacao" | "resumo">> = {
  300: { situacao: "ambiguo", resumo: "Encontrei mais de um cadastro com esse dado. Por favor, informe o CPF ou CNPJ do titular." },
  400: { situacao: "dado_invalido", resumo: "Esse dado não parece válido. Confira e digite de novo, só os números." },
  401: { situacao: "nao_autorizado", resumo: TRANSFER },
  403: { situacao: "nao_autorizado", resumo: TRANSFER },
  404: { situacao: "nao_encontrado", resumo: "Não encontrei um cadastro com esse dado. Confira e digite de novo, ou informe o CPF do titular." },
  503: { situacao: "indisponivel", resumo: TRANSFER },
};

/** Adds `situacao` and a ready `resumo` to an error answer (the status stays: the flow branches on it). */
async function withSituation(res: Response): Promise<Response> {
  if (res.status < 300 || res.status === 304) return res;
  const body = (await res.json().catch(() => ({}))) as Pick<ChatbotError, "error">;
  const situation = SITUATIONS[res.status] ?? { situacao: "erro" as const, resumo: TRANSFER };
  const headers = new Headers(res.headers);
  headers.delete("content-length");
  return Response.json({ ...situation, ...body } satisfies ChatbotError, { status: res.status, headers });
}
