"use client";
// The map's CTO layer (FTTH plant), from street zoom on: one circle per CTO in view, its fill coloured by the
// share of its logins offline now and its ring by occupancy (logins / ports). The tooltip is React text (never
// an HTML string). A click lists the CTO's logins; a right-click offers "Criar OS para este equipamento".
import L from "leaflet";
import { useCallback, useEffect, useRef, useState } from "react";
import { CircleMarker, Pane, Tooltip, useMap } from "react-leaflet";
import { apiFetch } from "@/lib/api-client";
import { formatInteger } from "@/lib/format/number";
import type { CtoInView } from "@/lib/topology/list-ctos-in-bbox";

/** Below this zoom the CTOs would be a carpet of dots: the layer stays empty. */
export const CTO_MIN_ZOOM = 14;
/** The CTOs' own pane: above region polygons (overlay pane, 400), below icons and labels (marker pane, 600). */
const CTO_PANE = "raio-ctos";
const CTO_PANE_Z = 450;
/** Circle radius in pixels. */
const CTO_RADIUS_PX = 7;
/** Offline share from which a CTO is drawn red (most of it down), and amber below it (some down). */
const OFFLINE_RED_SHARE = 0.5;
/** Occupancy from which a CTO's ring says "almost full", and "half full". */
const OCCUPANCY_FULL = 0.9;
const OCCUPANCY_HALF = 0.5;

/** The layer panel's key for the CTO layer (the ring colour of a half-full box). */
export const CTO_SWATCH_COLOR = "#2563eb";

export function offlineColor(c: Pick<CtoInView, "used" | "offline">): string {
  if (c.used === 0 || c.offline === 0) return "#16a34a";
  return c.offline / c.used >= OFFLINE_RED_SHARE ? "#dc2626" : "#f59e0b";
}

export function occupancyColor(c: Pick<CtoInView, "used" | "capacity">): string {
  const share = c.capacity > 0 ? c.used / c.capacity : 0;
  return share >= OCCUPANCY_FULL ? "#4c1d95" : share >= OCCUPANCY_HALF ? CTO_SWATCH_COLOR : "#94a3b8";
}

export function CtoLayer({ onSelect, onMenu, reloadKey }: {
  onSelect: (cto: CtoInView) => void;
  onMenu: (cto: CtoInView) => void;
  /** Changes when the CTOs' state should be fetched again (an order was created, a poll). */
  reloadKey: number;
}) {
  const map = useMap();
  const [ctos, setCtos] = useState<CtoInView[]>([]);
  const controllerRef = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    controllerRef.current?.abort();
    if (map.getZoom() < CTO_MIN_ZOOM) {
      setCtos([]);
      return;
    }
    const controller = new AbortController();
    controllerRef.current = controller;
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(",");
    try {
      setCtos((await apiFetch<{ ctos: CtoInView[] }>(`/api/v1/topology/ctos?bbox=${bbox}`, { signal: controller.signal })).ctos);
    } catch (err) {
      if ((err as Error).name !== "AbortError") console.warn("[mapa] falha ao carregar as CTOs", err);
    }
  }, [map]);

  useEffect(function loadCtosOnMove() {
    void load();
    map.on("moveend", load);
    return function stopLoadingCtos() {
      map.off("moveend", load);
      controllerRef.current?.abort();
    };
  }, [map, load, reloadKey]);

  return (
    <Pane name={CTO_PANE} style={{ zIndex: CTO_PANE_Z }}>
      {ctos.map((c) => (
        <CircleMarker
          key={c.id} center={[c.lat, c.lng]} radius={CTO_RADIUS_PX}
          // The class goes in as a creation option: react-leaflet applies pathOptions with setStyle, which skips it.
          className={`raio-cto raio-cto-${c.id}`}
          pathOptions={{ color: occupancyColor(c), weight: 3, fillColor: offlineColor(c), fillOpacity: 0.9 }}
          eventHandlers={{
            click: (e) => {
              L.DomEvent.stopPropagation(e);
              onSelect(c);
            },
            contextmenu: (e) => {
              // The map's own menu (draw a region) does not open on a CTO.
              L.DomEvent.stop(e);
              onMenu(c);
            },
          }}
        >
          <Tooltip direction="top" offset={[0, -CTO_RADIUS_PX]}>
            <span data-testid="cto-tooltip">
              {c.name}: {formatInteger(c.used)} de {formatInteger(c.capacity)} portas; {formatInteger(c.offline)} offline
            </span>
          </Tooltip>
        </CircleMarker>
      ))}
    </Pane>
  );
}
