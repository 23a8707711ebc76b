// GET /api/v1/service-orders/{id}/updates – the order's timeline, newest first: forecast changes, notes for
//   customers and internal notes, each with who and when
// POST /api/v1/service-orders/{id}/updates – { kind: "PUBLIC_NOTE" | "INTERNAL_NOTE", text }
//   201 { update }; a PUBLIC_NOTE re-notifies the region's customers (ORDER_UPDATE) and is what the chatbot and
//   the status page show. Idempotent with an Idempotency-Key header (a retried POST writes one note).
//   409 a PUBLIC_NOTE on a finalized or cancelled order
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { addOrderUpdate } from "@/lib/orders/add-order-update";
import { listOrderUpdates } from "@/lib/orders/list-order-updates";
import { kickNotifications } from "@/lib/notifications/notification-workers";
import { idParamSchema } from "@/lib/validation/id";

export const GET = withAuth<{ id: string }>(
  async (_req, { params }) => Response.json({ updates: await listOrderUpdates(idParamSchema.parse(params).id) }),
  { permission: "ordens.read" },
);

export const POST = withAuth<{ id: string }>(
  async (req, { principal, params }) => {
    const update = await addOrderUpdate(idParamSchema.parse(params).id, await readJson(req), principal);
    if (update.notified) void kickNotifications();
    return Response.json({ update }, { status: 201 });
  },
  { permission: "ordens.write", idempotent: true },
);
