// POST /api/v1/contracts/{id}/trust-unlock – releases a blocked contract on the customer's word (agents and
// the chatbot's AGENT token). 200 { contractId, accessStatus: "Ativo", expiresAt, … }; 409 with the
// restriction's reason (error.details.reason = decideTrustUnlock's code), changing nothing.
import { withAuth } from "@/lib/auth/with-auth";
import { idSchema } from "@/lib/validation/customer-lookup";
import { performTrustUnlock } from "@/lib/contract-actions/perform-trust-unlock";
import { badRequest } from "@/lib/errors";

export const POST = withAuth<{ id: string }>(
  async (_req, { principal, params }) => {
    const id = idSchema.safeParse(params.id);
    if (!id.success) throw badRequest(`Contrato "${params.id}" inválido: informe o número do contrato.`, "id");
    return Response.json(await performTrustUnlock(id.data, principal));
  },
  { permission: "clientes.act" },
);
