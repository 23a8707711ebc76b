"use client";
// Suggested maintenance regions from outage detection: each one a dashed red polygon with a label at its
// icon point ("32 de 40 offline (80%) desde 14:05", "sobrepõe OS 12" when it overlaps an open or executing
// region, "coberta pela OS 12" when such an order already handles it). The label's popup explains the
// counts and offers "Criar região" (admins, not for a covered suggestion), which hands the polygon and
// the suggestion to the order form.
import L from "leaflet";
import { useMemo } from "react";
import { Marker, Polygon } from "react-leaflet";
import { formatArea, formatInteger } from "@/lib/format/number";
import { ORDER_STATUS_LABEL } from "@/components/orders/status-style";
import type { MapSuggestion } from "./use-outage-suggestions";
import { setData, textElement } from "./map-dom";
import { MapPopup } from "./map-popup";
import { formatSince, suggestionKey, suggestionLabel } from "./suggestion-text";

export const SUGGESTION_COLOR = "#dc2626";
/** A suggestion an order already covers: drawn in grey, it needs no action. */
const COVERED_COLOR = "#64748b";
/** Dashes tell a suggestion from a real region at a glance. */
const SUGGESTION_DASH = "6 6";
/** Labels sit below the building icons (ORDER_ICON_Z_OFFSET) but above login clusters. */
const LABEL_Z_OFFSET = 5_000;
/** The label hangs this far below its point, clear of a building icon (30 px, centred) on the same spot. */
const LABEL_GAP_PX = 18;

function labelIcon(text: string, covered: boolean): L.DivIcon {
  const box = setData(textElement(text, "raio-outage-label-box"), { testid: "outage-label", covered: String(covered) });
  return L.divIcon({
    className: "raio-outage-label",
    iconSize: undefined, // sized by its text
    iconAnchor: [0, -LABEL_GAP_PX], // below the point: a region made from it puts its building icon there
    popupAnchor: [0, LABEL_GAP_PX], // the popup opens from the label, not from the point above it
    html: box,
  });
}

export function OutageSuggestionsLayer({
  suggestions, canWrite, disabled, onCreateRegion,
}: {
  suggestions: MapSuggestion[];
  canWrite: boolean;
  /** True while a region is drawn or edited: no second draft may start. */
  disabled: boolean;
  onCreateRegion: (suggestion: MapSuggestion) => void;
}) {
  const shapes = useMemo(
    () => suggestions.map((s) => ({
      key: suggestionKey(s),
      suggestion: s,
      positions: s.polygon.coordinates.map((ring) => ring.map(([lng, lat]) => [lat, lng] as L.LatLngTuple)),
      label: suggestionLabel(s),
    })),
    [suggestions],
  );
  const icons = useMemo(() => new Map(shapes.map((s) => [s.key, labelIcon(s.label, s.suggestion.coveredBy !== null)])), [shapes]);

  return (
    <>
      {shapes.map(({ key, positions, suggestion: s }) => {
        const color = s.coveredBy ? COVERED_COLOR : SUGGESTION_COLOR;
        return (
          <Polygon key={`poly:${key}`} positions={positions} interactive={false}
            pathOptions={{ color, weight: 2, dashArray: SUGGESTION_DASH, fillColor: color, fillOpacity: 0.08 }} />
        );
      })}
      {shapes.map(({ key, suggestion: s, label }) => (
        <Marker key={`label:${key}`} position={[s.iconPoint[1], s.iconPoint[0]]} icon={icons.get(key) ?? labelIcon(label, s.coveredBy !== null)}
          zIndexOffset={LABEL_Z_OFFSET} title={`Sugestão de interrupção: ${label}`}>
          <MapPopup>
            <SuggestionPopup suggestion={s} canWrite={canWrite} disabled={disabled} onCreateRegion={onCreateRegion} />
          </MapPopup>
        </Marker>
      ))}
    </>
  );
}

function SuggestionPopup({ suggestion: s, canWrite, disabled, onCreateRegion }: {
  suggestion: MapSuggestion;
  canWrite: boolean;
  disabled: boolean;
  onCreateRegion: (suggestion: MapSuggestion) => void;
}) {
  const covering = s.coveredBy;
  return (
    <div className="min-w-56 max-w-72 space-y-1 text-sm" data-testid="outage-popup">
      <p className="font-semibold text-red-800">Sugestão de interrupção</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-slate-700">
        <dt>Caíram:</dt>
        <dd data-testid="outage-offline">{formatInteger(s.offlineCount)} de {formatInteger(s.totalInArea)} ({Math.round(s.offlineShare * 100)}%)</dd>
        <dt>Desde:</dt><dd data-testid="outage-since">{formatSince(s.firstOfflineAt)}</dd>
        <dt>Logins na área:</dt><dd data-testid="outage-logins-in-area">{formatInteger(s.loginsInArea)}</dd>
        <dt>Área:</dt><dd>{formatArea(s.areaM2)}</dd>
      </dl>
      <p className="text-xs text-slate-500">
        {formatInteger(s.offlineCount)} logins ficaram offline desde o início da queda, de {formatInteger(s.totalInArea)} que
        estavam online antes dela; {formatInteger(s.offlineBeforeCount)} já estavam offline antes e não contam. Logins na
        área são todos os que ficam dentro dela: é o número que o formulário da OS mostra.
      </p>
      {s.overlaps.filter((o) => o.orderId !== covering?.orderId).map((o) => <p key={o.orderId} className="text-amber-800">{o.message}</p>)}
      {covering ? (
        <p className="rounded border border-slate-300 bg-slate-50 p-1.5 text-slate-700" data-testid="outage-covered">
          Tratada: coberta pela <a href={`/ordens/${covering.orderId}`} className="font-semibold text-brand-700 underline">OS {covering.number}</a>{" "}
          ({ORDER_STATUS_LABEL[covering.status]}).
        </p>
      ) : canWrite ? (
        <button type="button" disabled={disabled} onClick={() => onCreateRegion(s)}
          className="mt-1 rounded bg-red-600 px-3 py-1 font-semibold text-white hover:bg-red-700 disabled:opacity-50">
          Criar região
        </button>
      ) : null}
    </div>
  );
}
