import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { AccessDenied } from "@/components/ui/access-denied";
import { db } from "@/lib/db";
import { listOrders } from "@/lib/orders/list-orders";
import { listOrdersQuerySchema, ORDER_STATUSES, ORDER_STATUS_LABEL } from "@/lib/validation/order";
import { StatusBadge } from "@/components/orders/status-badge";
import { formatDateTime } from "@/lib/format/date-time";
import { formatInteger } from "@/lib/format/number";
import { DataTable } from "@/components/ui/data-table";
import { Button, buttonClass } from "@/components/ui/button";

export const metadata: Metadata = { title: "Ordens de Serviço" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function OrdersPage({ searchParams }: { searchParams: SearchParams }) {
  const { allowed } = await requirePermission("ordens.read");
  if (!allowed) return <AccessDenied />;
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])),
  );
  const parsed = listOrdersQuerySchema.safeParse(raw);
  const query = parsed.success ? parsed.data : listOrdersQuerySchema.parse({});
  const [result, subjects] = await Promise.all([
    listOrders(query),
    db.subject.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  const pageHref = (page: number) => `/ordens?${new URLSearchParams({ ...raw, page: String(page) }).toString()}`;
  const input = "mt-1 block rounded border border-slate-300 px-2 py-1.5 text-sm";

  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Ordens de Serviço</h1>
        <div className="flex gap-2">
          <a href={`/api/v1/service-orders?${new URLSearchParams({ ...raw, format: "csv" }).toString()}`} className={buttonClass("secondary")}>Exportar CSV</a>
          <a href="/mapa" className={buttonClass("secondary")}>Abrir o mapa</a>
        </div>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3" role="search">
        <label className="text-sm">Busca
          <input name="q" defaultValue={raw.q ?? ""} placeholder="Número ou descrição" className={`${input} w-56`} />
        </label>
        <label className="text-sm">Status
          <select name="status" defaultValue={raw.status ?? ""} className={input}>
            <option value="">Todos</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{ORDER_STATUS_LABEL[s]}</option>)}
          </select>
        </label>
        <label className="min-w-0 max-w-full text-sm">Assunto
          {/* Subject names come from outside (ERP, admins) and may be long: the box stays phone-sized. */}
          <select name="subjectId" defaultValue={raw.subjectId ?? ""} className={`${input} w-full max-w-64`}>
            <option value="">Todos</option>
            {subjects.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label className="text-sm">Aberta de
          <input type="date" name="from" defaultValue={raw.from ?? ""} className={input} />
        </label>
        <label className="text-sm">até
          <input type="date" name="to" defaultValue={raw.to ?? ""} className={input} />
        </label>
        <Button type="submit">Filtrar</Button>
        <a href="/ordens" className="px-1 py-1.5 text-sm text-slate-600 underline">Limpar</a>
      </form>
      {!parsed.success ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          Filtro inválido ({parsed.error.issues[0]?.path.join(".")}: {parsed.error.issues[0]?.message}); mostrando todas as ordens.
        </p>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <DataTable className="w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-500">
            <tr><th className="px-3 py-2">OS</th><th>Status</th><th>Assunto</th><th>Descrição</th><th>Aberta em</th><th>Previsão</th><th>Responsável</th></tr>
          </thead>
          <tbody>
            {result.orders.map((o) => (
              <tr key={o.id} className="border-t border-slate-100 hover:bg-slate-50">
                <td className="px-3 py-2 font-semibold"><a className="text-brand-700 underline" href={`/ordens/${o.id}`}>OS {o.number}</a></td>
                <td><StatusBadge status={o.status} /></td>
                <td>{o.subject.name}</td>
                <td className="max-w-md truncate" title={o.description}>{o.description}</td>
                <td className="whitespace-nowrap">{formatDateTime(o.openedAt)}</td>
                <td className="whitespace-nowrap">{formatDateTime(o.expectedEndAt)}</td>
                <td>{o.responsible ?? "—"}</td>
              </tr>
            ))}
            {result.orders.length === 0 ? (
              <tr><td colSpan={7} className="px-3 py-6 text-center text-slate-500">Nenhuma ordem de serviço encontrada com estes filtros.</td></tr>
            ) : null}
          </tbody>
        </DataTable>
      </div>
      <nav aria-label="Paginação" className="flex items-center justify-between text-sm">
        <span className="text-slate-600">{formatInteger(result.total)} ordens · página {result.page} de {result.pages}</span>
        <span className="flex gap-2">
          {result.page > 1 ? <a className={buttonClass("secondary")} href={pageHref(result.page - 1)}>Anterior</a> : null}
          {result.page < result.pages ? <a className={buttonClass("secondary")} href={pageHref(result.page + 1)}>Próxima</a> : null}
        </span>
      </nav>
    </div>
  );
}
