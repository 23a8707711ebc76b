// The agent's view of one customer: the eleven diagnostics of the chosen contract, its login, the
// maintenance banner, the actions, and the recent contacts and audited actions. Few queries: the
// diagnostics loader (bounded, see lib/diagnostics/load-customer-diagnostics.ts) and the history (3).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { AccessDenied } from "@/components/ui/access-denied";
import { AppError } from "@/lib/errors";
import { idSchema } from "@/lib/validation/customer-lookup";
import { loadCustomerDiagnostics } from "@/lib/customer-diagnostics/load-customer-diagnostics";
import { loadCustomerActivity } from "@/lib/customers/load-customer-activity";
import { getSettings } from "@/lib/settings/get-settings";
import { DiagnosticCards } from "@/components/diagnostics/diagnostic-cards";
import { TrustUnlockButton } from "@/components/diagnostics/trust-unlock-button";
import { InvoiceCopyButton } from "@/components/diagnostics/invoice-copy-button";
import { formatDataMb, formatDateTime } from "@/components/ui/format";
import { formatCurrency } from "@/lib/diagnostics/format-currency";
import { formatCalendarDate } from "@/lib/diagnostics/sao-paulo-time";

export const metadata: Metadata = { title: "Cliente" };

async function load(customerId: number, contractId: number | undefined) {
  try {
    return await loadCustomerDiagnostics({ customerId, contractId });
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    // A contract of another customer in the address: show the default one instead.
    if (err instanceof AppError && err.code === "VALIDATION" && contractId !== undefined) return loadCustomerDiagnostics({ customerId });
    throw err;
  }
}

export default async function CustomerPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ contrato?: string | string[] }>;
}) {
  const { user, allowed } = await requirePermission("clientes.read");
  if (!allowed) return <AccessDenied />;
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const contrato = idSchema.safeParse((await searchParams).contrato);
  const d = await load(id.data, contrato.success ? contrato.data : undefined);
  const [activity, settings] = await Promise.all([loadCustomerActivity(d.customer.id, d.contracts.map((c) => c.id)), getSettings()]);
  const canAct = can(user.role, "clientes.act");
  const { customer, contract, login } = d;
  const address = [customer.address.street, customer.address.number].filter(Boolean).join(", ");

  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <a href="/clientes" className="text-sm text-brand-600 underline">← Buscar outro cliente</a>
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-semibold">{customer.name}</h1>
        <span className="tabular-nums text-slate-600">{customer.documentKind} {customer.document}</span>
        <span className={`rounded px-2 text-sm ${customer.active ? "bg-green-100 text-green-800" : "bg-slate-200"}`}>{customer.active ? "Ativo" : "Inativo"}</span>
        <p className="w-full text-sm text-slate-600">
          {address}{customer.address.neighborhood ? ` · ${customer.address.neighborhood}` : ""} · {customer.address.city}/{customer.address.state}
          {customer.phones.length ? ` · ${customer.phones.map((p) => p.phone).join(", ")}` : ""}
          {` · Filial ${customer.branch.name} (central ${customer.branch.central})`}
        </p>
      </header>

      {d.contracts.length > 1 ? (
        <nav aria-label="Contratos" className="flex flex-wrap gap-2">
          {d.contracts.map((c) => (
            <a
              key={c.id}
              href={`/clientes/${customer.id}?contrato=${c.id}`}
              aria-current={c.selected ? "page" : undefined}
              className={`rounded border px-3 py-1.5 text-sm ${c.selected ? "border-brand-600 bg-brand-50 font-semibold" : "border-slate-300 bg-white hover:bg-slate-100"}`}
            >
              Contrato {c.id} · {c.plan} · {c.status}/{c.accessStatus}{c.isDefault ? " · padrão" : ""}
            </a>
          ))}
        </nav>
      ) : null}

      {d.maintenance ? (
        <section role="alert" aria-label="Manutenção" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 className="font-semibold text-amber-900">Cliente em área de manutenção — {d.maintenance.orders.map((o) => `OS ${o.number} (${o.subject})`).join(", ")}</h2>
          <p className="mt-1 whitespace-pre-line text-amber-900" data-testid="maintenance-message">{d.maintenance.message}</p>
        </section>
      ) : null}
      {d.routeTo ? (
        <section role="alert" aria-label="Franquia" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900">
          Franquia atingida: encaminhar para a central <strong>{d.routeTo.central}</strong>{d.routeTo.phone ? ` (${d.routeTo.phone})` : ""}.
        </section>
      ) : null}

      <div className="grid gap-5 lg:grid-cols-[1fr_20rem]">
        <section aria-labelledby="sec-diag">
          <h2 id="sec-diag" className="mb-2 text-lg font-semibold">
            Diagnóstico{contract ? ` do contrato ${contract.id}` : ""} <span className="text-sm font-normal text-slate-500">em {formatDateTime(d.checkedAt)}</span>
          </h2>
          <DiagnosticCards variables={d.variables} paths={d.paths} reasons={d.reasons} />
        </section>

        <aside className="space-y-4">
          {contract ? (
            <section aria-labelledby="sec-contract" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
              <h2 id="sec-contract" className="font-semibold">Contrato {contract.id}</h2>
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt className="text-slate-500">Plano</dt><dd>{contract.plan.name} ({contract.plan.downloadMbps}/{contract.plan.uploadMbps} Mbps, {formatCurrency(contract.plan.priceCents)})</dd>
                <dt className="text-slate-500">Acesso</dt><dd data-testid="access-status">{contract.accessStatus}</dd>
                <dt className="text-slate-500">Desbloqueio</dt><dd>{contract.activeTrustUnlock ? `em vigor até ${formatDateTime(contract.activeTrustUnlock.expiresAt)}` : contract.lastTrustUnlock ? `último em ${formatDateTime(contract.lastTrustUnlock.performedAt)}` : "nunca usado"}</dd>
                <dt className="text-slate-500">Em aberto</dt><dd>{contract.openInvoice ? `${contract.openInvoices} fatura(s), mais antiga vence ${formatCalendarDate(contract.openInvoice.dueDate)}${contract.openInvoice.overdue ? " (vencida)" : ""}` : "nenhuma fatura"}</dd>
              </dl>
              <div className="mt-3 space-y-3">
                <TrustUnlockButton
                  contractId={contract.id}
                  canAct={canAct}
                  restricted={d.variables.diagnosticoContratoRestricaoDesbloquioConfianca === "Sim"}
                  restrictionReason={d.reasons.diagnosticoContratoRestricaoDesbloquioConfianca}
                  days={settings.trustUnlockDays}
                />
                <InvoiceCopyButton contractId={contract.id} canAct={canAct && contract.openInvoice !== null} />
                {!canAct ? <p className="text-xs text-slate-500">Ações disponíveis apenas para atendentes.</p> : null}
              </div>
            </section>
          ) : (
            <p className="rounded-lg border border-slate-200 bg-white p-4 text-sm">Cliente sem contrato.</p>
          )}
          <section aria-labelledby="sec-login" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
            <h2 id="sec-login" className="font-semibold">Login</h2>
            {login ? (
              <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                <dt className="text-slate-500">Usuário</dt><dd className="break-all">{login.username}</dd>
                <dt className="text-slate-500">Status</dt><dd>{login.status}</dd>
                <dt className="text-slate-500">Conexão</dt><dd>{login.online ? "Online" : "Offline"} · visto {formatDateTime(login.lastSeenAt)}</dd>
                <dt className="text-slate-500">Tecnologia</dt><dd>{login.technology}</dd>
                <dt className="text-slate-500">Consumo</dt>
                <dd>
                  {formatDataMb(login.dataUsedMb)} {login.allowanceMb === null ? "(sem franquia)" : `de ${formatDataMb(login.allowanceMb)} (${login.allowanceUsedPercent}%)`}
                  {login.allowanceMb !== null ? (
                    <meter min={0} max={login.allowanceMb} value={Math.min(login.dataUsedMb, login.allowanceMb)} className="block w-full" aria-label="Franquia usada" />
                  ) : null}
                </dd>
              </dl>
            ) : (
              <p className="mt-1 text-slate-500">Nenhum login neste contrato.</p>
            )}
          </section>
        </aside>
      </div>

      <div className="grid gap-5 md:grid-cols-2">
        <section aria-labelledby="sec-contacts" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="sec-contacts" className="font-semibold">Atendimentos recentes</h2>
          {activity.contacts.length === 0 ? <p className="mt-1 text-slate-500">Nenhum atendimento registrado.</p> : (
            <ul className="mt-2 divide-y divide-slate-100">
              {activity.contacts.map((c) => (
                <li key={c.id} className="py-1.5">
                  <span className="text-slate-500">{formatDateTime(c.receivedAt)}</span> · {c.channel}
                  {c.maintenanceMessageSent ? ` · aviso de manutenção enviado (${c.orders.map((n) => `OS ${n}`).join(", ")})` : ""}
                  {c.text ? <span className="block text-slate-600">{c.text}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="sec-actions" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
          <h2 id="sec-actions" className="font-semibold">Ações registradas</h2>
          {activity.actions.length === 0 ? <p className="mt-1 text-slate-500">Nenhuma ação registrada.</p> : (
            <ul className="mt-2 divide-y divide-slate-100" data-testid="audit-list">
              {activity.actions.map((a) => (
                <li key={a.id} className="py-1.5">
                  <span className="text-slate-500">{formatDateTime(a.at)}</span> · {a.label}
                  {a.contractId ? ` · contrato ${a.contractId}` : ""} · por {a.by}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
