import { requireUser } from "@/lib/auth/current-user";
import { navFor } from "@/lib/auth/roles";
import { getOverview, OVERVIEW_FRESH_MS } from "@/lib/dashboard/get-overview";
import { formatDateTime } from "@/lib/format/date-time";

const nf = new Intl.NumberFormat("pt-BR");

export default async function HomePage() {
  const user = await requireUser();
  const o = await getOverview();
  const cards = [
    { label: "Clientes ativos", value: o.customers },
    { label: "Logins online", value: o.online },
    { label: "Logins offline", value: o.offline },
    { label: "OS abertas", value: o.orders.ABERTA ?? 0 },
    { label: "OS em execução", value: o.orders.EM_EXECUCAO ?? 0 },
    { label: "Contratos bloqueados", value: (o.contractsByAccess.BLOQUEADO ?? 0) + (o.contractsByAccess.FINANCEIRO_EM_ATRASO ?? 0) },
  ];
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold">Olá, {user.name.split(" ")[0]}</h1>
      <p className="text-slate-600">Resumo do provedor agora.</p>
      <dl className="mt-6 grid grid-cols-2 gap-4 md:grid-cols-3">
        {cards.map((c) => (
          <div key={c.label} className="rounded-lg border border-slate-200 bg-white p-4">
            <dt className="text-sm text-slate-500">{c.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums">{nf.format(c.value)}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-xs text-slate-500">
        Clientes, logins e contratos contados em {formatDateTime(o.countedAt)} (recontados a cada {OVERVIEW_FRESH_MS / 1000} s); OS agora.
      </p>
      <h2 className="mt-8 text-lg font-semibold">Atalhos</h2>
      <ul className="mt-2 flex flex-wrap gap-2">
        {navFor(user.role).map((i) => (
          <li key={i.href}><a className="inline-block rounded border border-slate-300 bg-white px-3 py-2 hover:bg-slate-100" href={i.href}>{i.label}</a></li>
        ))}
      </ul>
    </div>
  );
}
