// GET /api/v1/service-orders/{id}/campaign – the outbound campaign of an executing order: affected
//   customers, their phones and their rendered maintenance message (?format=csv: one line per phone,
//   for a WhatsApp/SMS sender, always every customer; ?page=N: one page of JSON rows, the counts still of
//   everyone); 409 when the order is not Em Execução
import { withAuth } from "@/lib/auth/with-auth";
import { buildCampaign } from "@/lib/notifications/build-campaign";
import { idParamSchema } from "@/lib/validation/id";
import { campaignQuerySchema } from "@/lib/validation/order";
import { csvResponse, toCsv } from "@/lib/http/to-csv";

export const GET = withAuth<{ id: string }>(
  async (req, { params }) => {
    const { id } = idParamSchema.parse(params);
    const { format, page } = campaignQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const campaign = await buildCampaign(id, { page: format === "json" ? page : undefined });
    if (format === "json") return Response.json(campaign);
    // One line per phone (customers without a phone keep one line with the phone empty, for follow-up).
    const lines = campaign.rows.flatMap((r) =>
      (r.phones.length ? r.phones : [null]).map((p) => ({ row: r, phone: p })),
    );
    const csv = toCsv(lines, [
      { header: "Telefone", value: (l) => l.phone?.phone ?? "" },
      { header: "Telefone formatado", value: (l) => l.phone?.formatted ?? "" },
      { header: "Tipo", value: (l) => l.phone?.label ?? "" },
      { header: "Cliente", value: (l) => l.row.customerName },
      { header: "Código do cliente", value: (l) => l.row.customerId },
      { header: "Bairro", value: (l) => l.row.neighborhood },
      { header: "Logins", value: (l) => l.row.logins.join(", ") },
      { header: "Mensagem", value: (l) => l.row.message },
    ]);
    return csvResponse(csv, `os-${campaign.order.number}-campanha.csv`);
  },
  { permission: "ordens.read" },
);
