// GET /api/v1/discounts – applied downtime discounts (?orderId= &month=AAAA-MM &q= &page=);
// ?format=csv exports them in a layout an ERP imports (contract external id; amount; reason; period)
import { withAuth } from "@/lib/auth/with-auth";
import { listDiscounts } from "@/lib/discounts/list-discounts";
import { listDiscountsQuerySchema } from "@/lib/validation/discounts";
import { csvResponse, toCsv } from "@/lib/http/to-csv";

/** ERP import wants decimals with a dot and ISO instants. */
const reais = (cents: number) => (cents / 100).toFixed(2);

export const GET = withAuth(
  async (req) => {
    const query = listDiscountsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
    const result = await listDiscounts(query, { all: query.format === "csv" });
    if (query.format === "csv") {
      const csv = toCsv(result.rows.filter((r) => !r.excluded && r.amountCents > 0), [
        { header: "contrato_external_id", value: (r) => r.contract.externalId ?? String(r.contract.id) },
        { header: "valor", value: (r) => reais(r.amountCents) },
        { header: "motivo", value: (r) => `Desconto por inatividade OS ${r.order.number} (${r.rule === "IXC" ? "regra IXC" : "Anatel RQUAL"}): ${r.reason ?? ""}` },
        { header: "periodo_inicio", value: (r) => r.order.interruptionStart?.toISOString() ?? "" },
        { header: "periodo_fim", value: (r) => r.order.interruptionEnd?.toISOString() ?? "" },
        { header: "minutos", value: (r) => r.minutes },
        { header: "cliente", value: (r) => r.contract.customer.name },
        { header: "os", value: (r) => r.order.number },
      ]);
      return csvResponse(csv, `descontos${query.orderId ? `-os-${query.orderId}` : ""}${query.month ? `-${query.month}` : ""}.csv`);
    }
    return Response.json(result);
  },
  { permission: "descontos.read" },
);
