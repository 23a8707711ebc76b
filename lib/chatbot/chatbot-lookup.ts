// The chatbot route's path (/chatbot/diagnostics/{field}/{value}) read as a customer lookup: the identifier
// comes from the path (chatbot builders embed flow variables in URLs: …/cpf/{{cpf}}), the options from the
// query string. An unknown field answers 404 naming the ones that exist.
import { notFound } from "../errors";
import { lookupFromSearchParams } from "../validation/customer-lookup";

export const CHATBOT_LOOKUP_FIELDS = ["cpf", "cnpj", "phone", "login"] as const;
type ChatbotLookupField = (typeof CHATBOT_LOOKUP_FIELDS)[number];

export function chatbotLookupFromPath(params: { field: string; value: string }, query: URLSearchParams): Record<string, string> {
  const field = params.field.toLowerCase();
  if (!(CHATBOT_LOOKUP_FIELDS as readonly string[]).includes(field)) {
    throw notFound(`Consulta por "${params.field}" não existe: use ${CHATBOT_LOOKUP_FIELDS.map((f) => `/${f}/{valor}`).join(", ")}.`);
  }
  // Options only: an identifier in the query string would be a second identifier the flow did not mean.
  const options = lookupFromSearchParams(query);
  const out: Record<string, string> = {};
  if (options.contractId !== undefined) out.contractId = options.contractId;
  if (options.expectedTechnology !== undefined) out.expectedTechnology = options.expectedTechnology;
  out[field as ChatbotLookupField] = decodeSegment(params.value);
  return out;
}

/** A path segment as typed ("%2B55%20(19)…" → "+55 (19)…"); one that is not valid percent-encoding stays as given. */
function decodeSegment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
