// GET /api/v1/diagnostics – the eleven diagnostic variables of one customer, for the chatbot and the panel.
// ?cpf=…|cnpj=…|phone=…|login=…|customerId=…  [&contractId=…] [&expectedTechnology=Fibra|Radio|ADSL]
// 200 { variables, paths, reasons, customer, contract, login, maintenance, routeTo, contracts, … }
// 300 AMBIGUOUS (a phone shared by several customers) with error.details.candidates; 400 naming the field;
// 404 unknown customer. Reading may restore an expired unpaid trust unlock (see lib/contract-actions/restore-expired-trust-unlock.ts).
import { withAuth } from "@/lib/auth/with-auth";
import { customerLookupSchema, lookupFromSearchParams } from "@/lib/validation/customer-lookup";
import { diagnoseCustomerOrThrow } from "@/lib/customers/diagnose-customer-or-throw";

export const GET = withAuth(
  async (req) => {
    const lookup = customerLookupSchema.parse(lookupFromSearchParams(new URL(req.url).searchParams));
    return Response.json(await diagnoseCustomerOrThrow(lookup), { headers: { "cache-control": "no-store" } });
  },
  { permission: "clientes.read" },
);
