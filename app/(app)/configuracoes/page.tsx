import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { AccessDenied } from "@/components/ui/access-denied";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { getEnv } from "@/lib/env";
import { getSettings } from "@/lib/settings/get-settings";
import { db } from "@/lib/db";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { TokensPanel } from "./_components/tokens-panel";
import { SettingsForm } from "./_components/settings-form";
import { WebhookPanel } from "./_components/webhook-panel";
import { NotificationChannelsPanel } from "./_components/notification-channels-panel";
import { describeChannelsConfig, getChannelsConfig } from "@/lib/notifications/channel-settings";
import { describeWebhookConfig, getWebhookConfig } from "@/lib/webhooks/webhook-config";
import { listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { DataTable } from "@/components/ui/data-table";
import { StatusPagePanel } from "./_components/status-page-panel";
import { getStatusPageSettings } from "@/lib/status-page/status-page-settings";

/** Delivery attempts listed under the webhook settings. */
const DELIVERIES_SHOWN = 20;

export const metadata: Metadata = { title: "Configurações" };

export default async function SettingsPage() {
  const { allowed } = await requirePermission("configuracoes.write");
  if (!allowed) return <AccessDenied />;
  const [tokens, settings, users, webhook, deliveries, channels, statusPage] = await Promise.all([
    listApiTokens(),
    getSettings(),
    db.user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true, role: true, active: true } }),
    getWebhookConfig(),
    listWebhookDeliveries({ limit: DELIVERIES_SHOWN }),
    getChannelsConfig(),
    getStatusPageSettings(),
  ]);
  const orderIds = [...new Set(deliveries.flatMap((d) => (d.orderId ? [d.orderId] : [])))];
  const orderNumbers = new Map(
    (await db.serviceOrder.findMany({ where: { id: { in: orderIds } }, select: { id: true, number: true } })).map((o) => [o.id, o.number]),
  );
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <h1 className="text-2xl font-semibold">Configurações</h1>
      <p className="text-sm">
        <a href="/configuracoes/integracoes" className="text-brand-600 underline">Integrações (IXC Provedor): conexão, sincronizações e histórico →</a>
      </p>
      <section aria-labelledby="sec-regras" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sec-regras" className="text-lg font-semibold">Regras de atendimento e manutenção</h2>
        <SettingsForm initial={settings} />
      </section>
      <section aria-labelledby="sec-tokens" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sec-tokens" className="text-lg font-semibold">Tokens de API (chatbot e integrações)</h2>
        <TokensPanel
          initial={tokens.map((t) => ({
            id: t.id, name: t.name, role: t.role, prefix: t.prefix, rateLimitPerMin: t.rateLimitPerMin,
            createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
            revokedAt: t.revokedAt?.toISOString() ?? null, createdBy: t.createdBy?.name ?? null,
          }))}
          defaultLimit={getEnv().RAIO_API_RATE_LIMIT_PER_MIN}
        />
      </section>
      <section aria-labelledby="sec-notificacoes" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sec-notificacoes" className="text-lg font-semibold">Notificações</h2>
        <NotificationChannelsPanel initial={describeChannelsConfig(channels)} />
      </section>
      <section aria-labelledby="sec-status" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sec-status" className="text-lg font-semibold">Página de status</h2>
        <StatusPagePanel initial={statusPage} />
      </section>
      <section aria-labelledby="sec-webhook" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sec-webhook" className="text-lg font-semibold">Webhook de OS</h2>
        <WebhookPanel
          initial={describeWebhookConfig(webhook)}
          deliveries={deliveries.map((d) => ({
            id: d.id, event: d.event, orderId: d.orderId, orderNumber: d.orderId ? (orderNumbers.get(d.orderId) ?? null) : null,
            attempt: d.attempt, statusCode: d.statusCode, error: d.error, ok: d.ok, durationMs: d.durationMs, at: d.at.toISOString(),
          }))}
        />
      </section>
      <section aria-labelledby="sec-usuarios" className="rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="sec-usuarios" className="text-lg font-semibold">Usuários</h2>
        <p className="text-sm text-slate-500">Novos usuários: <code>npm run user -- create --email … --name … --role ADMIN|AGENT|MANAGER</code></p>
        <DataTable className="mt-3 w-full text-sm">
          <thead className="text-left text-slate-500"><tr><th className="py-1">Nome</th><th>E-mail</th><th>Perfil</th><th>Situação</th></tr></thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="border-t border-slate-100">
                <td className="py-1.5">{u.name}</td><td>{u.email}</td><td>{ROLE_LABEL[u.role]}</td><td>{u.active ? "Ativo" : "Desativado"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
    </div>
  );
}
