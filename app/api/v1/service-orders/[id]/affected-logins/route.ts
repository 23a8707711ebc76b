// GET /api/v1/service-orders/{id}/affected-logins – the logins inside the order's region
// (?q= &sort= &dir= &page= &pageSize=; ?format=csv exports every matching row)
import { withAuth } from "@/lib/auth/with-auth";
import { listAffectedLogins } from "@/lib/maintenance/list-affected-logins";
import { affectedLoginsQuerySchema } from "@/lib/validation/affected-logins";
import { idParamSchema } from "@/lib/validation/id";
import { csvResponse, toCsv } from "@/lib/http/to-csv";
import { formatDateTime } from "@/lib/format/date-time";

export const GET = withAuth<{ id: string }>(
  async (req, { params }) => {
    const { id } = idParamSchema.parse(params);
    const query = affectedLoginsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const result = await listAffectedLogins(id, query, { all: query.format === "csv" });
    if (query.format === "csv") {
      const csv = toCsv(result.rows, [
        { header: "Login", value: (r) => r.username },
        { header: "Cliente", value: (r) => r.customerName },
        { header: "Código do cliente", value: (r) => r.customerId },
        { header: "Contrato", value: (r) => r.contractId },
        { header: "Plano", value: (r) => r.planName },
        { header: "Tecnologia", value: (r) => r.technology },
        { header: "Online", value: (r) => r.online },
        { header: "Visto por último", value: (r) => (r.lastSeenAt ? formatDateTime(new Date(r.lastSeenAt)) : "") },
        { header: "Endereço", value: (r) => r.address },
        { header: "Latitude", value: (r) => r.lat },
        { header: "Longitude", value: (r) => r.lng },
      ]);
      return csvResponse(csv, `os-${result.order.number}-logins-afetados.csv`);
    }
    return Response.json(result);
  },
  { permission: "ordens.read" },
);
