"use client";
// The map's top-right corner: "Inserir Região de Manutenção" and the layer panel (logins, suggestions, the
// FTTH plant's probable causes and boxes, regions per status), which folds into its "Camadas" button (folded
// at first on a phone, so it keeps its map).
import { useId } from "react";
import { ORDER_STATUSES } from "@/lib/validation/order";
import { ORDER_STATUS_LABEL, STATUS_COLOR } from "@/components/orders/status-style";
import { OFFLINE_COLOR, ONLINE_COLOR } from "./login-markers-layer";
import { SUGGESTION_COLOR } from "./outage-suggestions-layer";
import { CTO_SWATCH_COLOR } from "./cto-layer";
import type { LayerKey, MapLayers } from "./use-map-layers";

export const MAP_BUTTON = "whitespace-nowrap rounded border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm hover:bg-slate-100 disabled:opacity-50";

export function MapToolbar({ layers, canWrite, drawDisabled, onDraw, suggestionsCount, loaded }: {
  layers: MapLayers;
  canWrite: boolean;
  drawDisabled: boolean;
  onDraw: () => void;
  suggestionsCount: number;
  /** Logins in the area loaded for the view (every one, clustered or not). */
  loaded: number;
}) {
  const panelId = useId();
  const { visible, setVisible, panelOpen, togglePanel } = layers;
  const check = (layer: LayerKey) => ({ checked: visible[layer], onChange: (e: React.ChangeEvent<HTMLInputElement>) => setVisible(layer, e.target.checked) });
  return (
    <div className="absolute right-2 top-2 z-[500] flex max-w-[calc(100%-4rem)] flex-col items-end gap-2" data-testid="map-toolbar">
      <div className="flex gap-2">
        {canWrite ? (
          <button type="button" className={MAP_BUTTON} onClick={onDraw} disabled={drawDisabled} aria-label="Inserir Região de Manutenção">
            <span className="md:hidden" aria-hidden="true">+ Região</span>
            <span className="hidden md:inline" aria-hidden="true">Inserir Região de Manutenção</span>
          </button>
        ) : null}
        <button type="button" className={MAP_BUTTON} aria-expanded={panelOpen} aria-controls={panelId} onClick={togglePanel}>
          Camadas {panelOpen ? "▴" : "▾"}
        </button>
      </div>
      <fieldset id={panelId} hidden={!panelOpen} className="w-60 max-w-full rounded border border-slate-300 bg-white/95 p-2 text-sm shadow-sm">
        <legend className="px-1 font-semibold">Camadas</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...check("LOGINS")} />
          Logins
          <span className="ml-auto flex items-center gap-1 text-xs text-slate-500">
            <Swatch color={ONLINE_COLOR} round />on
            <Swatch color={OFFLINE_COLOR} round />off
          </span>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...check("SUGGESTIONS")} />
          <Swatch color={SUGGESTION_COLOR} dashed />
          Sugestões de interrupção
          {visible.SUGGESTIONS ? <span className="ml-auto text-xs text-slate-500" data-testid="suggestions-count">{suggestionsCount}</span> : null}
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...check("ROOT_CAUSES")} />
          <Swatch color={SUGGESTION_COLOR} />
          Causas prováveis (rede)
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" {...check("CTOS")} />
          <Swatch color={CTO_SWATCH_COLOR} round />
          Caixas (CTO)
        </label>
        {ORDER_STATUSES.map((s) => (
          <label key={s} className="flex items-center gap-2">
            <input type="checkbox" {...check(s)} />
            <Swatch color={STATUS_COLOR[s]} />
            Regiões {ORDER_STATUS_LABEL[s]}
          </label>
        ))}
        <p className="mt-1 text-xs text-slate-500" data-testid="logins-loaded">
          {loaded} logins nesta área
        </p>
      </fieldset>
    </div>
  );
}

/** A layer's colour key: a dot (logins), a dashed box (suggestions) or a filled box (regions). */
function Swatch({ color, round, dashed }: { color: string; round?: boolean; dashed?: boolean }) {
  const shape = round ? "h-2.5 w-2.5 rounded-full" : dashed ? "h-3 w-3 rounded-sm border-2 border-dashed" : "h-3 w-3 rounded-sm";
  return <span aria-hidden="true" className={`inline-block shrink-0 ${shape}`} style={dashed ? { borderColor: color } : { background: color }} />;
}
