import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { AccessDenied } from "@/components/ui/access-denied";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { dashboardQuerySchema } from "@/lib/validation/dashboard";
import { BarChart } from "@/components/dashboard/bar-chart";
import { formatDateTime } from "@/lib/format/date-time";
import { formatCurrency } from "@/lib/format/number";
import { ORDER_STATUS_LABEL, type OrderStatusValue } from "@/lib/validation/order";
import { DataTable } from "@/components/ui/data-table";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Painel gerencial" };

const nf = new Intl.NumberFormat("pt-BR");
const pct = new Intl.NumberFormat("pt-BR", { style: "percent", maximumFractionDigits: 0 });

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { allowed } = await requirePermission("painel.read");
  if (!allowed) return <AccessDenied />;
  const parsed = dashboardQuerySchema.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : dashboardQuerySchema.parse({});
  const d = await getDashboard(query);
  const cards = [
    { id: "open", label: "OS abertas agora", value: nf.format(d.openOrders) },
    { id: "executing", label: "OS em execução agora", value: nf.format(d.executingOrders) },
    { id: "affected", label: "Logins afetados agora", value: nf.format(d.affectedLoginsNow) },
    { id: "contacts", label: "Contatos durante manutenção", value: nf.format(d.contacts.duringMaintenance), sub: `de ${nf.format(d.contacts.total)} no período` },
    { id: "share", label: "Receberam a mensagem automaticamente", value: d.contacts.shareAutomatic === null ? "—" : pct.format(d.contacts.shareAutomatic) },
    { id: "notices", label: "Avisos enviados aos clientes", value: nf.format(d.notices.sent), sub: d.notices.failed ? `${nf.format(d.notices.failed)} falharam no período` : "no período" },
    { id: "discounts", label: `Descontos em ${d.discountsThisMonth.month.split("-").reverse().join("/")}`, value: formatCurrency(d.discountsThisMonth.cents), sub: `${nf.format(d.discountsThisMonth.count)} contrato(s)` },
  ];
  const short = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
  const contactsPerOrder = d.regions.filter((r) => r.contacts > 0).slice(0, 30).map((r) => ({ label: `OS ${r.number}`, value: r.contacts }));
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Painel gerencial</h1>
        <form className="flex flex-wrap items-end gap-2 text-sm" aria-label="Período">
          <label>De<input type="date" name="from" defaultValue={d.period.from} className="ml-1 rounded border border-slate-300 px-2 py-1" /></label>
          <label>Até<input type="date" name="to" defaultValue={d.period.to} className="ml-1 rounded border border-slate-300 px-2 py-1" /></label>
          <Button type="submit">Aplicar</Button>
        </form>
      </div>
      {!parsed.success ? <p role="alert" className="text-sm text-red-700">{parsed.error.issues[0]?.message}; mostrando os últimos 30 dias.</p> : null}
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-7">
        {cards.map((c) => (
          <div key={c.id} data-kpi={c.id} className="rounded-lg border border-slate-200 bg-white p-3">
            <dt className="text-xs text-slate-500">{c.label}</dt>
            <dd className="mt-1 text-xl font-semibold tabular-nums">{c.value}</dd>
            {c.sub ? <dd className="text-xs text-slate-500">{c.sub}</dd> : null}
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <BarChart title="OS abertas por dia" valueLabel="OS abertas" bars={d.daily.map((p) => ({ label: short(p.day), value: p.orders }))} />
        <BarChart title="Logins afetados por dia (OS finalizadas)" valueLabel="Logins afetados" color="#d97706" bars={d.daily.map((p) => ({ label: short(p.day), value: p.affectedLogins }))} />
        <BarChart title="Contatos por dia" valueLabel="Contatos" color="#059669" bars={d.daily.map((p) => ({ label: short(p.day), value: p.contacts }))} />
        <BarChart title="Contatos por OS" categoryLabel="OS" valueLabel="Contatos" color="#7c3aed" bars={contactsPerOrder.length ? contactsPerOrder : [{ label: "—", value: 0 }]} />
      </div>
      <section aria-labelledby="regioes">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="regioes" className="text-lg font-semibold">Regiões e suas OS</h2>
          <a className="text-sm text-brand-600 underline" href={`/api/v1/discounts?format=csv&month=${d.discountsThisMonth.month}`}>Exportar descontos do mês (CSV)</a>
        </div>
        <DataTable className="mt-2 w-full rounded-lg bg-white text-sm shadow-sm">
          <thead className="text-left text-slate-500">
            <tr><th className="p-2">OS</th><th>Assunto</th><th>Situação</th><th>Aberta em</th><th className="text-right">Logins afetados</th><th className="text-right">Contatos</th><th className="text-right">Mensagens</th><th className="p-2 text-right">Descontos</th></tr>
          </thead>
          <tbody>
            {d.regions.map((r) => (
              <tr key={r.id} className="border-t border-slate-100">
                <td className="p-2"><a className="text-brand-600 underline" href={`/ordens/${r.id}`}>OS {r.number}</a></td>
                <td>{r.subject}</td>
                <td>{ORDER_STATUS_LABEL[r.status as OrderStatusValue] ?? r.status}</td>
                <td>{formatDateTime(r.openedAt)}</td>
                <td className="text-right tabular-nums">{nf.format(r.affectedLogins)}</td>
                <td className="text-right tabular-nums">{nf.format(r.contacts)}</td>
                <td className="text-right tabular-nums">{nf.format(r.sent)}</td>
                <td className="p-2 text-right tabular-nums">{formatCurrency(r.discountCents)}</td>
              </tr>
            ))}
            {d.regions.length === 0 ? <tr><td colSpan={8} className="p-3 text-slate-500">Nenhuma OS no período.</td></tr> : null}
          </tbody>
        </DataTable>
      </section>
    </div>
  );
}
