// GET /api/v1/service-orders/{id}/notifications – the order's notices: counts per status and channel (progress),
// a page of rows (customer, channel, status, address, the channel's answer). ?status= ?channel= ?page= ?pageSize=;
// ?format=csv exports every matching row.
import { withAuth } from "@/lib/auth/with-auth";
import { csvResponse, toCsv } from "@/lib/http/to-csv";
import { idParamSchema } from "@/lib/validation/id";
import { listOrderNotifications, orderNotificationsQuerySchema } from "@/lib/notifications/list-order-notifications";
import { CHANNEL_LABELS, EVENT_LABELS } from "@/lib/notifications/notification-events";
import { NOTIFICATION_STATUS_LABELS } from "@/lib/notifications/notification-status-labels";

export const GET = withAuth<{ id: string }>(
  async (req, { params }) => {
    const { id } = idParamSchema.parse(params);
    const search = new URL(req.url).searchParams;
    const query = orderNotificationsQuerySchema.parse(Object.fromEntries([...search].filter(([k]) => k !== "format")));
    if (search.get("format") === "csv") {
      const data = await listOrderNotifications(id, query, { all: true });
      return csvResponse(
        toCsv(data.rows, [
          { header: "Cliente", value: (r) => r.customerName },
          { header: "Código", value: (r) => r.customerId },
          { header: "Evento", value: (r) => EVENT_LABELS[r.event] },
          { header: "Canal", value: (r) => CHANNEL_LABELS[r.channel] },
          { header: "Situação", value: (r) => NOTIFICATION_STATUS_LABELS[r.status] },
          { header: "Destino", value: (r) => r.address },
          { header: "Tentativas", value: (r) => r.attempts },
          { header: "Resposta", value: (r) => r.answer },
          { header: "Enviado em", value: (r) => r.sentAt?.toISOString() },
        ]),
        `avisos-os-${data.order.number}.csv`,
      );
    }
    return Response.json(await listOrderNotifications(id, query), { headers: { "cache-control": "no-store" } });
  },
  { permission: "ordens.read" },
);
