// GET /api/v1/customers?q=…&page=…[&pageSize=…][&accessStatus=BLOQUEADO,FINANCEIRO_EM_ATRASO]
// – the agent's search box: by name, CPF/CNPJ, phone, login or code, complete or as typed so far.
import { withAuth } from "@/lib/auth/with-auth";
import { customerSearchSchema } from "@/lib/customers/search-schema";
import { searchCustomers } from "@/lib/customers/search-customers";

export const GET = withAuth(
  async (req) => {
    const params = Object.fromEntries(new URL(req.url).searchParams);
    return Response.json(await searchCustomers(customerSearchSchema.parse(params)), { headers: { "cache-control": "no-store" } });
  },
  { permission: "clientes.read" },
);
