"use client";
// "Descontos": the downtime discounts applied when the order was finalized, with their audit trail.
import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/date-time";
import { formatCurrency } from "@/lib/format/number";
import { DataTable } from "@/components/ui/data-table";
import { apiFetch, errorMessage } from "@/lib/api-client";

interface Row {
  id: number; rule: string; minutes: number; proposedCents: number; amountCents: number; excluded: boolean; reason: string | null;
  appliedAt: string | null; proposedBy: string | null; changedBy: string | null; appliedBy: string | null;
  contract: { id: number; externalId: string | null; customer: { id: number; name: string }; plan: { name: string } };
}


export function DiscountsTab({ orderId }: { orderId: number }) {
  const [data, setData] = useState<{ total: number; totalCents: number; proposedCents: number; rows: Row[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Named effect: load this order's discounts once.
  useEffect(() => {
    apiFetch<NonNullable<typeof data>>(`/api/v1/discounts?orderId=${orderId}&pageSize=500`).then(setData, (err: unknown) => setError(errorMessage(err)));
  }, [orderId]);
  if (error) return <p role="alert" className="text-sm text-red-700">{error}</p>;
  if (!data) return <p className="text-sm text-slate-500">Carregando…</p>;
  if (data.total === 0) return <p className="text-sm text-slate-500">Nenhum desconto aplicado. Os descontos são propostos ao finalizar a OS.</p>;
  return (
    <div className="space-y-3" data-testid="order-discounts">
      <div className="flex items-center gap-4 text-sm">
        <p>{data.total} contrato(s) · total aplicado <strong>{formatCurrency(data.totalCents)}</strong> (proposto {formatCurrency(data.proposedCents)})</p>
        <a className="ml-auto text-brand-600 underline" href={`/api/v1/discounts?orderId=${orderId}&format=csv`}>Exportar para o ERP (CSV)</a>
      </div>
      <DataTable className="w-full text-sm">
        <thead className="text-left text-slate-500">
          <tr><th className="p-1.5">Cliente</th><th>Contrato</th><th>Plano</th><th className="text-right">Minutos</th><th className="text-right">Proposto</th><th className="text-right">Aplicado</th><th>Motivo</th><th>Trilha</th></tr>
        </thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id} className={`border-t border-slate-100 align-top ${r.excluded ? "text-slate-400" : ""}`}>
              <td className="p-1.5">{r.contract.customer.name}</td>
              <td>{r.contract.externalId ?? r.contract.id}</td>
              <td>{r.contract.plan.name}</td>
              <td className="text-right tabular-nums">{r.minutes}</td>
              <td className="text-right tabular-nums">{formatCurrency(r.proposedCents)}</td>
              <td className="text-right tabular-nums font-medium">{r.excluded ? "excluído" : formatCurrency(r.amountCents)}</td>
              <td className="max-w-xs text-xs">{r.reason}</td>
              <td className="text-xs text-slate-500">
                proposto por {r.proposedBy ?? "sistema"}{r.changedBy ? `; alterado por ${r.changedBy}` : ""}; aplicado por {r.appliedBy ?? "—"} em {formatDateTime(r.appliedAt)}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
