// GET /api/v1/chatbot/diagnostics/{cpf|cnpj|phone|login}/{value} – a customer's diagnostics for chatbot flows:
// every field a top-level string (the eleven variables by their exact names, situacao, resumo,
// mensagemManutencao, previsao, centralAtendimento, linhaDigitavel, linkFatura…), see lib/chatbot.
// ?contractId=… and ?expectedTechnology=Fibra|Radio|ADSL as in GET /api/v1/diagnostics.
// Auth: Bearer <API token>, or Basic with user "token" and the API token as password.
// 200 diagnosis · 300 ambiguo (a phone shared by several customers) · 400 dado_invalido (naming the field)
// · 401 nao_autorizado · 404 nao_encontrado; every error answer carries situacao and a ready resumo.
import { withChatbotAuth } from "@/lib/chatbot/with-chatbot-auth";
import { shapeChatbotAnswer } from "@/lib/chatbot/shape-chatbot-answer";
import { diagnoseCustomerOrThrow } from "@/lib/customers/diagnose-customer-or-throw";
import { customerLookupSchema } from "@/lib/validation/customer-lookup";
import { chatbotLookupFromPath } from "@/lib/chatbot/chatbot-lookup";

export const GET = withChatbotAuth<{ field: string; value: string }>(
  async (req, { params }) => {
    const lookup = customerLookupSchema.parse(chatbotLookupFromPath(params, new URL(req.url).searchParams));
    return Response.json(shapeChatbotAnswer(await diagnoseCustomerOrThrow(lookup)), { headers: { "cache-control": "no-store" } });
  },
  { permission: "clientes.read" },
);
