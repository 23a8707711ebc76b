// GET /api/v1/service-orders?status=&subjectId=&from=&to=&q=&page=&pageSize= – orders, newest first
// (?format=csv exports every order matching the filters)
import { withAuth } from "@/lib/auth/with-auth";
import { listOrders } from "@/lib/orders/list-orders";
import { listOrdersQuerySchema, ORDER_STATUS_LABEL } from "@/lib/validation/order";
import { csvResponse, toCsv } from "@/lib/http/to-csv";
import { formatDateTime } from "@/lib/format/date-time";

const when = (d: Date | null) => (d ? formatDateTime(d) : "");

export const GET = withAuth(
  async (req) => {
    const query = listOrdersQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const result = await listOrders(query, { all: query.format === "csv" });
    if (query.format === "json") return Response.json(result);
    const csv = toCsv(result.orders, [
      { header: "OS", value: (o) => o.number },
      { header: "Situação", value: (o) => ORDER_STATUS_LABEL[o.status] },
      { header: "Assunto", value: (o) => o.subject.name },
      { header: "Descrição", value: (o) => o.description },
      { header: "Responsável", value: (o) => o.responsible },
      { header: "Programada", value: (o) => o.planned },
      { header: "Aberta em", value: (o) => when(o.openedAt) },
      { header: "Previsão", value: (o) => when(o.expectedEndAt) },
      { header: "Executada em", value: (o) => when(o.executedAt) },
      { header: "Finalizada em", value: (o) => when(o.finalizedAt) },
      { header: "Cancelada em", value: (o) => when(o.cancelledAt) },
    ]);
    return csvResponse(csv, "ordens-de-servico.csv");
  },
  { permission: "ordens.read" },
);
