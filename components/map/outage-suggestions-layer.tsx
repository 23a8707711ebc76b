"use client";
// Suggested maintenance regions from outage detection: each one a dashed red polygon with a label at its
// icon point ("32 offline (85%) desde 14:05", and "sobrepõe OS 12" when it overlaps an open or executing
// region). The label's popup offers "Criar região" (admins), which hands the polygon to the order form.
import L from "leaflet";
import { useMemo } from "react";
import { Marker, Polygon, Popup } from "react-leaflet";
import type { PolygonGeometry } from "@/lib/geo/types";
import { formatArea, formatInteger } from "@/lib/format/number";
import type { MapSuggestion } from "./use-outage-suggestions";

export const SUGGESTION_COLOR = "#dc2626";
/** Dashes tell a suggestion from a real region at a glance. */
const SUGGESTION_DASH = "6 6";
/** Labels sit below the building icons (ORDER_ICON_Z_OFFSET) but above login clusters. */
const LABEL_Z_OFFSET = 5_000;
/** The label hangs this far below its point, clear of a building icon (30 px, centred) on the same spot. */
const LABEL_GAP_PX = 18;

const hourMinute = new Intl.DateTimeFormat("pt-BR", { hour: "2-digit", minute: "2-digit", timeZone: "America/Sao_Paulo" });

/** "32 offline (85%) desde 14:05 · sobrepõe OS 12" — the words on the map. */
export function suggestionLabel(s: MapSuggestion): string {
  const base = `${formatInteger(s.offlineCount)} offline (${Math.round(s.offlineShare * 100)}%) desde ${hourMinute.format(new Date(s.firstOfflineAt))}`;
  return s.overlaps.length ? `${base} · sobrepõe OS ${s.overlaps.map((o) => o.number).join(", ")}` : base;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function labelIcon(text: string): L.DivIcon {
  return L.divIcon({
    className: "raio-outage-label",
    iconSize: undefined, // sized by its text
    iconAnchor: [0, -LABEL_GAP_PX], // below the point: a region made from it puts its building icon there
    html: `<div data-testid="outage-label" style="transform:translateX(-50%);white-space:nowrap;border:1px dashed ${SUGGESTION_COLOR};background:#fff;color:#991b1b;border-radius:4px;padding:2px 6px;font:600 12px/18px system-ui;box-shadow:0 1px 3px rgba(0,0,0,.3);cursor:pointer">${escapeHtml(text)}</div>`,
  });
}

/** A stable key: the suggestion's first offline login and its start (its index changes as others come and go). */
function suggestionKey(s: MapSuggestion): string {
  return `${s.offlineLoginIds[0] ?? 0}:${s.firstOfflineAt}`;
}

export function OutageSuggestionsLayer({
  suggestions, canWrite, disabled, onCreateRegion,
}: {
  suggestions: MapSuggestion[];
  canWrite: boolean;
  /** True while a region is drawn or edited: no second draft may start. */
  disabled: boolean;
  onCreateRegion: (polygon: PolygonGeometry) => void;
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
  const icons = useMemo(() => new Map(shapes.map((s) => [s.key, labelIcon(s.label)])), [shapes]);

  return (
    <>
      {shapes.map(({ key, positions }) => (
        <Polygon key={`poly:${key}`} positions={positions} interactive={false}
          pathOptions={{ color: SUGGESTION_COLOR, weight: 2, dashArray: SUGGESTION_DASH, fillColor: SUGGESTION_COLOR, fillOpacity: 0.08 }} />
      ))}
      {shapes.map(({ key, suggestion: s, label }) => (
        <Marker key={`label:${key}`} position={[s.iconPoint[1], s.iconPoint[0]]} icon={icons.get(key) ?? labelIcon(label)}
          zIndexOffset={LABEL_Z_OFFSET} title={`Sugestão de interrupção: ${label}`}>
          <Popup autoPan={false}>
            <div className="min-w-56 space-y-1 text-sm" data-testid="outage-popup">
              <p className="font-semibold text-red-800">Sugestão de interrupção</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-slate-700">
                <dt>Offline:</dt><dd>{formatInteger(s.offlineCount)} de {formatInteger(s.totalInArea)} ({Math.round(s.offlineShare * 100)}%)</dd>
                <dt>Desde:</dt><dd>{hourMinute.format(new Date(s.firstOfflineAt))}</dd>
                <dt>Área:</dt><dd>{formatArea(s.areaM2)}</dd>
              </dl>
              {s.overlaps.map((o) => <p key={o.orderId} className="text-amber-800">{o.message}</p>)}
              {canWrite ? (
                <button type="button" disabled={disabled} onClick={() => onCreateRegion(s.polygon)}
                  className="mt-1 rounded bg-red-600 px-3 py-1 font-semibold text-white hover:bg-red-700 disabled:opacity-50">
                  Criar região
                </button>
              ) : null}
            </div>
          </Popup>
        </Marker>
      ))}
    </>
  );
}
