// GET /api/v1/contracts/{id}/invoice – second copy of the open invoice (oldest unpaid): amount, due date,
// digitable line, payment link, overdue flag. 404 when the contract has none. Audited.
import { withAuth } from "@/lib/auth/with-auth";
import { idSchema } from "@/lib/validation/customer-lookup";
import { copyOpenInvoiceOrThrow } from "@/lib/contract-actions/copy-open-invoice-or-throw";
import { badRequest } from "@/lib/errors";

export const GET = withAuth<{ id: string }>(
  async (_req, { principal, params }) => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw badRequest(`Contrato "${params.id}" inválido: informe o número do contrato.`, "id");
    return Response.json({ invoice: await copyOpenInvoiceOrThrow(id.data, principal) }, { headers: { "cache-control": "no-store" } });
  },
  { permission: "clientes.act" },
);
