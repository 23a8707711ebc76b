// GET /api/v1/service-orders/{id}/discount-proposal – the discounts finalizing would apply
// (?interruptionStart= &interruptionEnd=, ISO 8601; defaults: when it went Em Execução, and now)
import { withAuth } from "@/lib/auth/with-auth";
import { proposeDiscounts } from "@/lib/discounts/propose-discounts";
import { proposeDiscountsSchema } from "@/lib/validation/finalize";
import { idParamSchema } from "@/lib/validation/id";

export const GET = withAuth<{ id: string }>(
  async (req, { params }) => {
    const { id } = idParamSchema.parse(params);
    const query = proposeDiscountsSchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const { affectedLoginIds, ...proposal } = await proposeDiscounts(id, query);
    return Response.json({ ...proposal, affectedLogins: affectedLoginIds.length });
  },
  { permission: "descontos.read" },
);
