"use client";
// The search box: finds as you type (debounced), pages the results, and is driven from the keyboard:
// ↑/↓ move through the results, Enter opens the highlighted customer, PageUp/PageDown change pages.
import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { CustomerSearchPage } from "@/lib/customers/search-customers";
import { apiFetch, errorMessage } from "@/lib/api-client";

/** Pause after the last key before searching, in ms: fast typists send one request per word. */
const DEBOUNCE_MS = 200;

export function CustomerSearch({ initialQuery }: { initialQuery: string }) {
  const router = useRouter();
  const listId = useId();
  const [query, setQuery] = useState(initialQuery);
  const [page, setPage] = useState(1);
  const [result, setResult] = useState<CustomerSearchPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(function searchAsYouType() {
    const q = query.trim();
    const url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q);
    else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    if (q === "") {
      setResult(null);
      setError(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setLoading(true);
      try {
        setResult(await apiFetch<CustomerSearchPage>(`/api/v1/customers?q=${encodeURIComponent(q)}&page=${page}`, { signal: controller.signal }));
        setError(null);
        setActive(0);
      } catch (err) {
        if ((err as Error).name !== "AbortError") setError(errorMessage(err));
      } finally {
        if (!controller.signal.aborted) setLoading(false);
      }
    }, DEBOUNCE_MS);
    return function cancelSearch() {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, page]);

  const rows = result?.rows ?? [];
  const open = (id: number) => router.push(`/clientes/${id}`);

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, Math.max(rows.length - 1, 0)));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      const row = rows[active];
      if (row) open(row.id);
    } else if (e.key === "PageDown" && result?.hasMore) {
      e.preventDefault();
      setPage((p) => p + 1);
    } else if (e.key === "PageUp" && page > 1) {
      e.preventDefault();
      setPage((p) => p - 1);
    } else if (e.key === "Escape") {
      setQuery("");
      setPage(1);
    }
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <label htmlFor="customer-search" className="text-sm font-medium">Buscar cliente</label>
      <input
        id="customer-search"
        ref={input}
        autoFocus
        autoComplete="off"
        role="combobox"
        aria-expanded={rows.length > 0}
        aria-controls={listId}
        aria-activedescendant={rows[active] ? `${listId}-${rows[active].id}` : undefined}
        placeholder="Nome, CPF/CNPJ, telefone, login ou código"
        value={query}
        onChange={(e) => { setQuery(e.target.value); setPage(1); }}
        onKeyDown={onKeyDown}
        className="mt-1 block w-full rounded border border-slate-300 px-3 py-2 text-base"
      />
      <p className="mt-1 text-xs text-slate-500">↑/↓ para escolher, Enter para abrir, PageUp/PageDown para mudar de página, Esc para limpar.</p>
      <div aria-live="polite" className="mt-2 text-sm text-slate-500">
        {loading ? "Buscando…" : error ? <span role="alert" className="text-red-700">{error}</span> : result && rows.length === 0 ? "Nenhum cliente encontrado." : null}
      </div>
      {rows.length > 0 ? (
        <ul id={listId} role="listbox" aria-label="Resultados" className="mt-2 divide-y divide-slate-100">
          {rows.map((row, i) => (
            <li
              key={row.id}
              id={`${listId}-${row.id}`}
              role="option"
              aria-selected={i === active}
              onMouseEnter={() => setActive(i)}
              onClick={() => open(row.id)}
              className={`flex cursor-pointer flex-wrap items-baseline gap-x-3 px-2 py-2 ${i === active ? "bg-brand-50" : ""}`}
            >
              <a href={`/clientes/${row.id}`} className="font-medium text-slate-900" tabIndex={-1}>{row.name}</a>
              <span className="text-sm tabular-nums text-slate-600">{row.document}</span>
              {row.phone ? <span className="text-sm text-slate-500">{row.phone}</span> : null}
              <span className="text-sm text-slate-500">{row.neighborhood ? `${row.neighborhood}, ` : ""}{row.city}</span>
              {!row.active ? <span className="rounded bg-slate-200 px-1.5 text-xs">Inativo</span> : null}
              <span className="ml-auto flex gap-1">
                {row.contracts.map((c) => (
                  <span key={c.id} className={`rounded px-1.5 text-xs ${c.accessStatus === "Ativo" ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}>
                    {c.login ?? `contrato ${c.id}`} · {c.accessStatus}
                  </span>
                ))}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {result && (page > 1 || result.hasMore) ? (
        <nav aria-label="Páginas" className="mt-3 flex items-center gap-2 text-sm">
          <button type="button" disabled={page <= 1} onClick={() => { setPage((p) => p - 1); input.current?.focus(); }} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40">Anterior</button>
          <span>Página {page}</span>
          <button type="button" disabled={!result.hasMore} onClick={() => { setPage((p) => p + 1); input.current?.focus(); }} className="rounded border border-slate-300 px-2 py-1 disabled:opacity-40">Próxima</button>
        </nav>
      ) : null}
    </div>
  );
}
