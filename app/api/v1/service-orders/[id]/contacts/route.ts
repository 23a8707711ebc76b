// GET /api/v1/service-orders/{id}/contacts – contacts from customers inside the region while the order
// was executing, and whether each got the message (?page=)
import { withAuth } from "@/lib/auth/with-auth";
import { listOrderContacts } from "@/lib/contacts/list-order-contacts";
import { idParamSchema } from "@/lib/validation/id";
import { orderContactsQuerySchema } from "@/lib/validation/order";

export const GET = withAuth<{ id: string }>(
  async (req, { params }) => {
    const { id } = idParamSchema.parse(params);
    const { page } = orderContactsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const { order, ...rest } = await listOrderContacts(id, page);
    return Response.json({ order: { id: order.id, number: order.number, status: order.status }, ...rest });
  },
  { permission: "ordens.read" },
);
