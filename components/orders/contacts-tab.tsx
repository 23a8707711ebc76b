"use client";
// "Contatos": contacts from customers inside the region while the order was executing.
import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/date-time";
import { formatInteger } from "@/lib/format/number";
import { Pager } from "../ui/pager";
import { DataTable } from "@/components/ui/data-table";
import { apiFetch } from "@/lib/api-client";

interface Row { id: number; receivedAt: string; channel: string; text: string | null; customerId: number; customerName: string; messageSent: boolean; message: string | null }
interface Page { total: number; sent: number; rows: Row[]; page: number; pageSize: number }

export function ContactsTab({ orderId }: { orderId: number }) {
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);

  // Named effect: load the page of contacts (and refresh every 15 s while the tab is open: contacts arrive live).
  useEffect(() => {
    let alive = true;
    const load = async () => {
      // A failed refresh keeps the rows on screen; the next one tries again.
      const next = await apiFetch<Page>(`/api/v1/service-orders/${orderId}/contacts?page=${page}`).catch(() => null);
      if (next && alive) setData(next);
    };
    void load();
    const timer = setInterval(load, 15_000);
    return () => { alive = false; clearInterval(timer); };
  }, [orderId, page]);

  if (!data) return <p className="text-sm text-slate-500">Carregando…</p>;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  return (
    <div className="space-y-3" data-testid="order-contacts">
      <p className="text-sm text-slate-600">
        <strong>{formatInteger(data.total)}</strong> contato(s) durante a execução · {formatInteger(data.sent)} receberam a mensagem automaticamente
      </p>
      <DataTable className="w-full text-sm">
        <thead className="text-left text-slate-500"><tr><th className="p-1.5">Recebido</th><th>Cliente</th><th>Canal</th><th>Texto</th><th>Mensagem de manutenção</th></tr></thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top">
              <td className="p-1.5 whitespace-nowrap">{formatDateTime(r.receivedAt)}</td>
              <td><a className="text-brand-600 underline" href={`/clientes/${r.customerId}`}>{r.customerName}</a></td>
              <td>{r.channel}</td>
              <td className="max-w-xs truncate" title={r.text ?? ""}>{r.text ?? "—"}</td>
              <td>{r.messageSent ? <span className="text-green-700" title={r.message ?? ""}>Enviada</span> : <span className="text-amber-700">Não enviada</span>}</td>
            </tr>
          ))}
          {data.rows.length === 0 ? <tr><td colSpan={5} className="p-3 text-slate-500">Nenhum contato de clientes da região durante a execução.</td></tr> : null}
        </tbody>
      </DataTable>
      <Pager page={page} pages={pages} onPage={setPage} label="Páginas de contatos" />
    </div>
  );
}
