import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { AccessDenied } from "@/components/ui/access-denied";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { getOrderOrThrow, type OrderDetails } from "@/lib/orders/get-order-or-throw";
import { ORDER_STATUS_LABEL } from "@/lib/validation/order";
import { idSchema } from "@/lib/validation/id";
import { StatusBadge } from "@/components/orders/status-badge";
import { OrderActionButtons } from "@/components/orders/order-action-buttons";
import { describeOrderExecution } from "@/lib/orders/describe-order-execution";
import { OrderTabs, type OrderTab } from "@/components/orders/order-tabs";
import { AffectedLoginsTab } from "@/components/orders/affected-logins-tab";
import { ContactsTab } from "@/components/orders/contacts-tab";
import { DiscountsTab } from "@/components/orders/discounts-tab";
import { OrderNotificationsTab } from "@/components/notifications/order-notifications-tab";
import { FinalizeOrderForm } from "@/components/orders/finalize-order-form";
import { formatDateTime } from "@/lib/format/date-time";
import { formatArea, formatInteger } from "@/lib/format/number";
import { RegionMiniMapLoader } from "@/components/map/region-mini-map-loader";
import { DataTable } from "@/components/ui/data-table";
import { ScheduleOrderForm } from "@/components/orders/schedule-order-form";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { listOrderUpdates } from "@/lib/orders/list-order-updates";

export const metadata: Metadata = { title: "Ordem de Serviço" };

async function loadOrder(id: string): Promise<OrderDetails | null> {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) return null;
  try {
    return await getOrderOrThrow(parsed.data);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return null;
    throw err;
  }
}

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, allowed } = await requirePermission("ordens.read");
  if (!allowed) return <AccessDenied />;
  const order = await loadOrder((await params).id);
  if (!order) notFound();
  const env = getEnv();
  const canWrite = can(user.role, "ordens.write");
  const live = order.status === "ABERTA" || order.status === "EM_EXECUCAO";
  const execution = canWrite && live ? await describeOrderExecution(order.id) : null;
  const timeline = (await listOrderUpdates(order.id)).map((u) => ({
    id: u.id, kind: u.kind, text: u.text, by: u.by, createdAt: u.createdAt.toISOString(),
    previousExpectedEndAt: u.previousExpectedEndAt?.toISOString() ?? null, expectedEndAt: u.expectedEndAt?.toISOString() ?? null,
  }));
  const tabs: OrderTab[] = [
    { key: "logins", label: "Logins Afetados", content: <AffectedLoginsTab orderId={order.id} /> },
    { key: "contatos", label: "Contatos", content: <ContactsTab orderId={order.id} /> },
    { key: "notificacoes", label: "Notificações", content: <OrderNotificationsTab orderId={order.id} canRetry={can(user.role, "ordens.write")} /> },
    ...(can(user.role, "descontos.read") ? [{ key: "descontos", label: "Descontos", content: <DiscountsTab orderId={order.id} /> }] : []),
  ];

  const details: [string, React.ReactNode][] = [
    ["Assunto", order.subject.name],
    ["Responsável", order.responsible ?? "—"],
    ["Aberta em", formatDateTime(order.openedAt)],
    ["Início previsto", <span key="s" data-testid="order-scheduled-start">{order.scheduledStartAt ? `${formatDateTime(order.scheduledStartAt)}${order.status === "ABERTA" ? " (inicia sozinha)" : ""}` : "—"}</span>],
    ["Previsão de término", formatDateTime(order.expectedEndAt)],
    ["Em execução desde", formatDateTime(order.executedAt)],
    ["Finalizada em", formatDateTime(order.finalizedAt)],
    ["Cancelada em", formatDateTime(order.cancelledAt)],
    ["Interrupção programada", order.planned
      ? order.announcedAt ? `Sim, aviso dado fora do Raio em ${formatDateTime(order.announcedAt)}` : "Sim (aviso a cada cliente: aba Notificações)"
      : "Não"],
    ["Logins afetados", <span key="l" data-testid="order-logins-affected">{formatInteger(order.loginsAffected)}</span>],
    ["Região", order.region ? `${formatArea(order.region.areaM2)}, ${order.region.vertexCount} vértices` : "—"],
  ];

  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <a href="/ordens" className="text-sm text-slate-600 underline">← Ordens de Serviço</a>
        <h1 className="text-2xl font-semibold">OS {order.number}</h1>
        <StatusBadge status={order.status} />
        {order.status === "EM_EXECUCAO" ? (
          <a href={`/campanhas/${order.id}`} className="text-sm text-brand-700 underline">Campanha proativa</a>
        ) : null}
        <div className="ml-auto">
          {/* An executing order is finalized through the discounts form below, not a bare button. */}
          {canWrite ? <OrderActionButtons orderId={order.id} orderNumber={order.number} status={order.status} execution={execution} exclude={order.status === "EM_EXECUCAO" ? ["finalize"] : []} /> : null}
        </div>
      </div>
      <p className="text-slate-700">{order.description}</p>
      <div className="grid gap-5 md:grid-cols-2">
        <dl className="grid min-w-0 grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 rounded-lg border border-slate-200 bg-white p-4 text-sm">
          {details.map(([k, v]) => (
            <div key={k} className="contents"><dt className="text-slate-500">{k}</dt><dd className="min-w-0 break-words">{v}</dd></div>
          ))}
        </dl>
        {order.region ? (
          <RegionMiniMapLoader geometry={order.region.geometry} bbox={order.region.bbox} status={order.status}
            tileUrl={env.RAIO_TILE_URL} tileAttribution={env.RAIO_TILE_ATTRIBUTION} />
        ) : <p className="text-sm text-slate-500">Esta OS não tem região.</p>}
      </div>
      {canWrite && order.status === "EM_EXECUCAO" && order.executedAt ? (
        <FinalizeOrderForm orderId={order.id} orderNumber={order.number} executedAt={order.executedAt.toISOString()} webhookHost={execution?.webhookHost ?? null} />
      ) : null}
      {canWrite && order.status === "ABERTA" ? (
        <ScheduleOrderForm orderId={order.id} scheduledStartAt={order.scheduledStartAt?.toISOString() ?? null} expectedEndAt={order.expectedEndAt?.toISOString() ?? null} />
      ) : null}
      <OrderTimeline orderId={order.id} entries={timeline} canWrite={canWrite} canNotify={live} />
      <section aria-labelledby="hist" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="hist" className="text-lg font-semibold">Histórico de status</h2>
        <DataTable className="mt-2 w-full text-sm">
          <thead className="text-left text-slate-500"><tr><th className="py-1">Quando</th><th>De</th><th>Para</th><th>Quem</th><th>Observação</th></tr></thead>
          <tbody data-testid="status-history">
            {order.events.map((e) => (
              <tr key={e.id} className="border-t border-slate-100">
                <td className="py-1.5 whitespace-nowrap">{formatDateTime(e.at)}</td>
                <td>{e.fromStatus ? ORDER_STATUS_LABEL[e.fromStatus] : "—"}</td>
                <td>{ORDER_STATUS_LABEL[e.toStatus]}</td>
                <td>{e.by ?? "—"}</td>
                <td>{e.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
      <section className="rounded-lg border border-slate-200 bg-white px-4">
        <OrderTabs tabs={tabs} />
      </section>
    </div>
  );
}
