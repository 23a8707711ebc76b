// The outbound campaign of an executing order: who to contact, on which phones, with which message.
// A server component (no interactivity): the CSV link hands the whole list to a WhatsApp/SMS sender; the
// table shows one page of customers (links to the other pages: ?pagina=N).
// Mountable on the order page: <CampaignPanel campaign={await buildCampaign(order.id, { page })} />.
import type { Campaign } from "@/lib/notifications/build-campaign";
import { formatDateTime } from "@/lib/format/date-time";
import { formatInteger } from "@/lib/format/number";
import { DataTable } from "@/components/ui/data-table";

export function CampaignPanel({ campaign }: { campaign: Campaign }) {
  const csvHref = `/api/v1/service-orders/${campaign.order.id}/campaign?format=csv`;
  return (
    <section aria-labelledby="campanha" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="campanha" className="text-lg font-semibold">Aviso aos clientes afetados</h2>
        <span className="text-sm text-slate-600" data-testid="campaign-summary">
          {formatInteger(campaign.customers)} clientes, {formatInteger(campaign.withoutPhone)} sem telefone · em execução desde{" "}
          {formatDateTime(campaign.order.executedAt)}
        </span>
        <a href={csvHref} className="ml-auto rounded bg-slate-800 px-3 py-1.5 text-sm text-white" download>
          Baixar CSV
        </a>
      </div>
      {campaign.template === "" ? (
        <p className="text-sm text-amber-700">O assunto desta OS não tem mensagem de manutenção: configure-a em Assuntos.</p>
      ) : null}
      {campaign.rows.length === 0 ? (
        <p className="text-sm text-slate-500">Nenhum cliente dentro da região.</p>
      ) : (
        <DataTable className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr><th className="py-1">Cliente</th><th>Telefones</th><th>Logins</th><th>Mensagem</th></tr>
          </thead>
          <tbody data-testid="campaign-rows">
            {campaign.rows.map((r) => (
              <tr key={r.customerId} className="border-t border-slate-100 align-top">
                <td className="py-1.5 pr-3">
                  <a className="underline" href={`/clientes/${r.customerId}`}>{r.customerName}</a>
                  {r.neighborhood ? <div className="text-xs text-slate-500">{r.neighborhood}</div> : null}
                </td>
                <td className="pr-3 whitespace-nowrap">
                  {r.phones.length ? r.phones.map((p) => <div key={p.phone}>{p.formatted}{p.label ? ` (${p.label})` : ""}</div>) : <span className="text-slate-400">sem telefone</span>}
                </td>
                <td className="pr-3">{r.logins.join(", ")}</td>
                <td className="whitespace-pre-wrap">{r.message}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {campaign.pages > 1 ? <CampaignPager page={campaign.page} pages={campaign.pages} /> : null}
    </section>
  );
}

function CampaignPager({ page, pages }: { page: number; pages: number }) {
  const link = (n: number, label: string) => (
    <a className="rounded border border-slate-300 px-2 py-1" href={`?pagina=${n}`}>{label}</a>
  );
  return (
    <nav aria-label="Páginas da campanha" className="flex items-center gap-3 text-sm" data-testid="campaign-pager">
      {page > 1 ? link(page - 1, "← Anterior") : null}
      <span>Página {formatInteger(page)} de {formatInteger(pages)}</span>
      {page < pages ? link(page + 1, "Próxima →") : null}
    </nav>
  );
}
