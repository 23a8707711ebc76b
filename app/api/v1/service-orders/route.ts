// GET /api/v1/service-orders?status=&subjectId=&from=&to=&q=&page=&pageSize= – orders, newest first
import { withAuth } from "@/lib/auth/with-auth";
import { listOrders } from "@/lib/orders/list-orders";
import { listOrdersQuerySchema } from "@/lib/validation/order";

export const GET = withAuth(
  async (req) => Response.json(await listOrders(listOrdersQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams)))),
  { permission: "ordens.read" },
);
