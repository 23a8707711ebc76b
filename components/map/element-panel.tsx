"use client";
// The panel that opens on a CTO (click or right-click) or a root-cause suggestion: the element's logins
// (GET /api/v1/topology/elements/{kind}/{id}/logins, searched and paged), a switch to its PON and OLT, and
// "Criar OS para este equipamento". A bottom sheet on a phone, a side card on wider screens; never wider
// than the screen.
import { useEffect, useState } from "react";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { formatInteger } from "@/lib/format/number";
import { Button } from "@/components/ui/button";
import { INPUT_CLASS } from "@/components/ui/field";
import type { SubjectOption } from "@/components/orders/order-form-dialog";
import type { ElementKind } from "@/lib/topology/topology-index";
import { EquipmentOrderForm, type CreatedEquipmentOrder, type EquipmentTarget } from "./equipment-order-form";

/** Logins shown per page in the panel. */
const PAGE_SIZE = 20;

export interface PanelElement {
  kind: ElementKind;
  id: number;
  /** The CTO's PON and OLT, to switch to them. */
  pon?: { id: number; label: string } | null;
  olt?: { id: number; name: string } | null;
  /** Open with the order form (right-click, root-cause suggestion). */
  ordering?: boolean;
  description?: string;
}

interface ElementLogins {
  element: { kind: ElementKind; id: number; name: string; capacity: number | null; loginCount: number };
  total: number;
  online: number;
  page: number;
  rows: { loginId: number; username: string; customerName: string; online: boolean; ctoPort: number | null; ctoName: string | null }[];
}

export function ElementPanel({ element, canWrite, subjects, onClose, onSwitch, onOrderCreated }: {
  element: PanelElement;
  canWrite: boolean;
  subjects: SubjectOption[];
  onClose: () => void;
  onSwitch: (e: PanelElement) => void;
  onOrderCreated: (created: CreatedEquipmentOrder) => void;
}) {
  const [data, setData] = useState<ElementLogins | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [q, setQ] = useState("");
  const [ordering, setOrdering] = useState<EquipmentTarget | null>(null);

  useEffect(function loadElementLogins() {
    const controller = new AbortController();
    const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE), ...(q ? { q } : {}) });
    apiFetch<ElementLogins>(`/api/v1/topology/elements/${element.kind}/${element.id}/logins?${params}`, { signal: controller.signal })
      .then((d) => {
        setData(d);
        setError(null);
        if (element.ordering && canWrite) setOrdering((o) => o ?? { kind: d.element.kind, id: d.element.id, name: d.element.name, description: element.description });
      })
      .catch((err) => { if ((err as Error).name !== "AbortError") setError(errorMessage(err)); });
    return function abortElementLogins() {
      controller.abort();
    };
  }, [element, page, q, canWrite]);

  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <aside data-testid="element-panel" aria-label="Equipamento da rede"
      className="fixed inset-x-0 bottom-0 z-[1100] max-h-[60vh] overflow-y-auto overflow-x-hidden border-t border-slate-300 bg-white p-3 shadow-lg md:inset-x-auto md:right-4 md:top-24 md:bottom-auto md:w-96 md:rounded-lg md:border">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-xs uppercase text-slate-500">{element.kind}</p>
          <h2 className="break-words font-semibold text-slate-900" data-testid="element-name">{data?.element.name ?? "…"}</h2>
          {data ? (
            <p className="text-sm text-slate-600" data-testid="element-summary">
              {formatInteger(data.element.loginCount)} login(s){data.element.capacity !== null ? ` em ${formatInteger(data.element.capacity)} portas` : ""}; {formatInteger(data.online)} online
            </p>
          ) : null}
        </div>
        <Button variant="secondary" onClick={onClose} aria-label="Fechar">✕</Button>
      </div>
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}

      <div className="mt-2 flex flex-wrap gap-2">
        {element.pon ? <Button variant="link" onClick={() => onSwitch({ kind: "PON", id: element.pon!.id, olt: element.olt })}>PON {element.pon.label}</Button> : null}
        {element.olt ? <Button variant="link" onClick={() => onSwitch({ kind: "OLT", id: element.olt!.id })}>{element.olt.name}</Button> : null}
        {canWrite && data && !ordering ? (
          <Button variant="warning" onClick={() => setOrdering({ kind: data.element.kind, id: data.element.id, name: data.element.name, description: element.description })}>
            Criar OS para este equipamento
          </Button>
        ) : null}
      </div>

      {ordering ? (
        <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-2">
          <EquipmentOrderForm target={ordering} subjects={subjects} onCancel={() => setOrdering(null)} onSaved={onOrderCreated} />
        </div>
      ) : null}

      <label className="mt-3 block text-sm">Buscar login ou cliente
        <input type="search" value={q} onChange={(e) => { setQ(e.target.value); setPage(1); }} className={INPUT_CLASS} />
      </label>
      <ul className="mt-2 divide-y divide-slate-100 text-sm" data-testid="element-logins">
        {data?.rows.map((r) => (
          <li key={r.loginId} className="flex items-center justify-between gap-2 py-1">
            <span className="min-w-0 break-all">
              <span className="font-medium" data-testid="element-login">{r.username}</span>
              <span className="block text-xs text-slate-500">{r.customerName}{r.ctoPort !== null ? ` · porta ${r.ctoPort}` : ""}{element.kind !== "CTO" && r.ctoName ? ` · ${r.ctoName}` : ""}</span>
            </span>
            <span className={`shrink-0 text-xs font-semibold ${r.online ? "text-green-700" : "text-red-700"}`}>{r.online ? "online" : "offline"}</span>
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <div className="mt-2 flex items-center justify-between text-sm">
          <Button variant="secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>Anterior</Button>
          <span>{page} de {pages}</span>
          <Button variant="secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>Próxima</Button>
        </div>
      ) : null}
    </aside>
  );
}
