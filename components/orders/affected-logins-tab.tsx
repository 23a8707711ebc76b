"use client";
// "Logins Afetados": the logins inside the region (live while the order runs, frozen once finalized),
// with search, sort, pagination, the count and CSV export.
import { useEffect, useState } from "react";
import { formatDateTime } from "@/lib/format/date-time";
import { formatInteger } from "@/lib/format/number";
import { Pager } from "../ui/pager";
import { DataTable } from "@/components/ui/data-table";
import { apiFetch, errorMessage } from "@/lib/api-client";

interface Row {
  loginId: number; username: string; customerId: number; customerName: string; contractId: number; planName: string;
  technology: string; online: boolean; lastSeenAt: string | null; address: string | null;
}
interface Page { total: number; online: number; frozen: boolean; rows: Row[]; page: number; pageSize: number }

const TECH: Record<string, string> = { FIBRA: "Fibra", RADIO: "Radio", ADSL: "ADSL" };
const COLUMNS: { key: string; label: string }[] = [
  { key: "username", label: "Login" }, { key: "customerName", label: "Cliente" }, { key: "planName", label: "Plano" },
  { key: "technology", label: "Tecnologia" }, { key: "online", label: "Online" }, { key: "lastSeenAt", label: "Visto por último" }, { key: "address", label: "Endereço" },
];

export function AffectedLoginsTab({ orderId }: { orderId: number }) {
  const [q, setQ] = useState("");
  const [sort, setSort] = useState("username");
  const [dir, setDir] = useState<"asc" | "desc">("asc");
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const params = new URLSearchParams({ sort, dir, page: String(page), pageSize: "50", ...(q ? { q } : {}) });

  // Named effect: reload the page of rows whenever a filter changes (debounced for typing).
  useEffect(() => {
    const ctrl = new AbortController();
    const handle = setTimeout(async () => {
      try {
        setData(await apiFetch<Page>(`/api/v1/service-orders/${orderId}/affected-logins?${params}`, { signal: ctrl.signal }));
        setError(null);
      } catch (err) {
        if ((err as Error).name !== "AbortError") setError(errorMessage(err));
      }
    }, 200);
    return () => { clearTimeout(handle); ctrl.abort(); };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [orderId, q, sort, dir, page]);

  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const toggleSort = (key: string) => {
    if (key === sort) setDir(dir === "asc" ? "desc" : "asc");
    else { setSort(key); setDir("asc"); }
    setPage(1);
  };
  return (
    <div className="space-y-3" data-testid="affected-logins">
      <div className="flex flex-wrap items-center gap-3">
        <input type="search" aria-label="Buscar login, cliente ou endereço" placeholder="Buscar login, cliente ou endereço"
          value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} className="w-72 rounded border border-slate-300 px-2 py-1.5 text-sm" />
        {data ? (
          <p className="text-sm text-slate-600" data-testid="affected-count">
            <strong>{formatInteger(data.total)}</strong> login(s) afetado(s) · {formatInteger(data.online)} online
            {data.frozen ? " · lista congelada na finalização" : " · lista ao vivo"}
          </p>
        ) : null}
        <a className="ml-auto text-sm text-brand-600 underline" href={`/api/v1/service-orders/${orderId}/affected-logins?format=csv&${params}`}>Exportar CSV</a>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      <div className="overflow-x-auto">
        <DataTable className="w-full text-sm">
          <thead className="text-left text-slate-500">
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} className="p-1.5" aria-sort={sort === c.key ? (dir === "asc" ? "ascending" : "descending") : "none"}>
                  <button type="button" onClick={() => toggleSort(c.key)} className="hover:underline">
                    {c.label}{sort === c.key ? (dir === "asc" ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ))}
              <th>Contrato</th>
            </tr>
          </thead>
          <tbody>
            {data?.rows.map((r) => (
              <tr key={r.loginId} className="border-t border-slate-100">
                <td className="p-1.5 font-mono">{r.username}</td>
                <td><a className="text-brand-600 underline" href={`/clientes/${r.customerId}`}>{r.customerName}</a></td>
                <td>{r.planName}</td>
                <td>{TECH[r.technology] ?? r.technology}</td>
                <td>{r.online ? <span className="text-green-700">Sim</span> : <span className="text-red-700">Não</span>}</td>
                <td>{formatDateTime(r.lastSeenAt)}</td>
                <td>{r.address ?? "—"}</td>
                <td className="tabular-nums">{r.contractId}</td>
              </tr>
            ))}
            {data && data.rows.length === 0 ? <tr><td colSpan={8} className="p-3 text-slate-500">Nenhum login na região.</td></tr> : null}
          </tbody>
        </DataTable>
      </div>
      <Pager page={page} pages={pages} onPage={setPage} />
    </div>
  );
}
