// POST /api/v1/render – fills a {{variable}} template for one customer: the eleven diagnostic variables,
// the customer's fields and, in a maintenance area, {{os}}, {{previsao}} and {{assunto}}.
// Body { cpf|cnpj|phone|login|customerId, contractId?, expectedTechnology?, template } → { text }.
// Text only: nothing is evaluated; unknown {{names}} stay visible.
import { z } from "zod";
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { customerLookupSchema } from "@/lib/validation/customer-lookup";
import { diagnoseCustomerOrThrow } from "@/lib/customers/diagnose-customer-or-throw";
import { renderDiagnosedMessage } from "@/lib/customer-diagnostics/render-diagnosed-message";

/** Longest template accepted (a chatbot message, not a document). */
const MAX_TEMPLATE_LENGTH = 10_000;

const renderSchema = customerLookupSchema.extend({
  template: z
    .string({ error: "Informe o template" })
    .max(MAX_TEMPLATE_LENGTH, `Template com mais de ${MAX_TEMPLATE_LENGTH} caracteres`),
});

export const POST = withAuth(
  async (req) => {
    const { template, ...lookup } = renderSchema.parse(await readJson(req));
    const d = await diagnoseCustomerOrThrow(lookup);
    return Response.json({ text: renderDiagnosedMessage(template, d), customerId: d.customer.id, contractId: d.contractId });
  },
  { permission: "clientes.read" },
);
