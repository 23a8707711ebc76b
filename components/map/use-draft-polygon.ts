"use client";
// The draft region: drawn with Geoman (right-click or the toolbar → a click per vertex → click the first
// vertex), or taken from an outage suggestion ("Criar região"). Once closed it becomes the draft: its
// vertices stay draggable while the order form is open, and every change re-checks it with the server's
// own validatePolygon and recounts the logins inside (asked of the server, also when the markers for the view
// reload: the status feed and syncs add logins).
/// <reference types="@geoman-io/leaflet-geoman-free" />
import L from "leaflet";
import { useCallback, useEffect, useRef, useState } from "react";
import { closeRing, findOverlaps, validatePolygon } from "@/lib/geo/validate-polygon";
import type { PolygonGeometry } from "@/lib/geo/types";
import { ORDER_STATUS_LABEL } from "@/components/orders/status-style";
import type { DrawnRegion } from "@/components/orders/order-form-dialog";
import { countLoginsInside, layerGeometry, toLatLngs } from "./map-geometry";
import { ACTIVE_STATUSES, type MapRegions } from "./use-map-regions";
import type { MapSuggestion } from "./use-outage-suggestions";
import { suggestionSummary } from "./suggestion-text";

export const DRAW_COLOR = "#1759c4";
/** Snap to the first vertex (and other shapes) within this many pixels: easy to close on touch screens. */
export const SNAP_DISTANCE_PX = 20;
/** Room kept free when framing a draft: the order form on the left (beside the zoom buttons), the layer panel on the right. */
const FORM_WIDTH_PX = 620;
const LAYER_PANEL_WIDTH_PX = 270;
/** A suggestion is framed no closer than this (street level, vertices easy to grab). */
const DRAFT_MAX_ZOOM = 17;

type DrawHandler = { _removeLastVertex?: () => void; _finishShape?: () => void };

function polygonDrawHandler(map: L.Map): DrawHandler | undefined {
  return (map.pm.Draw as unknown as { Polygon?: DrawHandler }).Polygon;
}

export interface DraftPolygon {
  /** While Geoman draws: vertices so far and logins inside them. */
  drawing: { vertices: number; logins: number } | null;
  /** The closed draft the order form shows. */
  drawn: DrawnRegion | null;
  /** True from the first vertex until the polygon closes or drawing is cancelled (for event handlers). */
  drawingRef: React.RefObject<boolean>;
  hasDraft: () => boolean;
  startDrawing: () => void;
  finishDrawing: () => void;
  undoVertex: () => void;
  cancelDrawing: () => void;
  createFromSuggestion: (suggestion: MapSuggestion) => void;
  discard: () => void;
  /** Recount the draft's logins (the logins for the view were reloaded). */
  refresh: () => void;
}

/** Keeps the latest of a series of counts: each new ask aborts the one before (drawing fires one per vertex). */
function useLatestCount(): (geometry: PolygonGeometry, apply: (count: number) => void) => void {
  const controllerRef = useRef<AbortController | null>(null);
  useEffect(function abortCountOnUnmount() {
    return () => controllerRef.current?.abort();
  }, []);
  return useCallback((geometry: PolygonGeometry, apply: (count: number) => void) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    countLoginsInside(geometry, controller.signal).then(
      (count) => { if (!controller.signal.aborted) apply(count); },
      (err: unknown) => { if ((err as Error).name !== "AbortError") console.warn("[mapa] falha ao contar logins", err); },
    );
  }, []);
}

export function useDraftPolygon({ map, canWrite, maxAreaKm2, regionsRef }: {
  map: L.Map | null;
  canWrite: boolean;
  maxAreaKm2: number;
  regionsRef: MapRegions["regionsRef"];
}): DraftPolygon {
  const [drawing, setDrawing] = useState<{ vertices: number; logins: number } | null>(null);
  const [drawn, setDrawn] = useState<DrawnRegion | null>(null);
  const draftRef = useRef<L.Polygon | null>(null);
  const suggestionRef = useRef<MapSuggestion | null>(null);
  const drawingRef = useRef(false);
  const count = useLatestCount();

  const startDrawing = useCallback(() => {
    if (!map || !canWrite || drawingRef.current) return;
    map.pm.setLang("pt_br");
    map.pm.enableDraw("Polygon", {
      snappable: true,
      snapDistance: SNAP_DISTANCE_PX,
      finishOn: null,
      allowSelfIntersection: true, // self-intersections are refused by validatePolygon with a message, not silently
      tooltips: true,
      templineStyle: { color: DRAW_COLOR },
      hintlineStyle: { color: DRAW_COLOR, dashArray: [5, 5] },
      pathOptions: { color: DRAW_COLOR, fillOpacity: 0.15 },
    });
  }, [map, canWrite]);

  /** Checks the draft polygon and (re)fills the order form's region: on close and after every vertex edit. */
  const describeDraft = useCallback((layer: L.Polygon) => {
    const raw = layerGeometry(layer);
    const checked = validatePolygon(raw, { maxAreaKm2 });
    const geometry = checked.ok ? (checked.geometry as PolygonGeometry) : null;
    const suggestion = suggestionRef.current;
    const overlaps = geometry
      ? findOverlaps(
          geometry,
          regionsRef.current
            .filter((r) => ACTIVE_STATUSES.includes(r.status))
            .map((r) => ({ id: r.orderId, label: `A região sobrepõe a da OS ${r.number} (${ORDER_STATUS_LABEL[r.status]}): ${r.description}`, geometry: r.geometry })),
        ).map((o) => o.label)
      : [];
    const counted = geometry ?? raw;
    setDrawn((previous) => ({
      geometry,
      error: checked.ok ? null : `Região inválida: ${checked.message}`,
      areaM2: checked.ok ? checked.areaM2 : 0,
      vertexCount: checked.ok ? checked.vertexCount : Math.max(0, (raw.coordinates[0]?.length ?? 1) - 1),
      loginsInside: previous?.loginsInside ?? null, // until the server's count arrives
      overlaps,
      fromSuggestion: suggestion ? { offlineLoginIds: suggestion.offlineLoginIds, summary: suggestionSummary(suggestion) } : null,
    }));
    count(counted, (n) => setDrawn((d) => (d && draftRef.current === layer ? { ...d, loginsInside: n } : d)));
  }, [maxAreaKm2, regionsRef, count]);

  /** Makes `layer` the draft: the previous one goes, its vertices become draggable, and the form opens. */
  const adoptDraft = useCallback((layer: L.Polygon) => {
    const previous = draftRef.current;
    if (previous && previous !== layer) {
      previous.pm.disable();
      previous.remove();
    }
    draftRef.current = layer;
    layer.pm.enable({ allowSelfIntersection: true, snappable: true, snapDistance: SNAP_DISTANCE_PX });
    layer.on("pm:edit", () => describeDraft(layer));
    describeDraft(layer);
  }, [describeDraft]);

  const createFromSuggestion = useCallback((suggestion: MapSuggestion) => {
    if (!map || !canWrite || drawingRef.current) return;
    map.closePopup();
    const layer = L.polygon(toLatLngs(suggestion.polygon) as L.LatLngExpression[][], { color: DRAW_COLOR, fillOpacity: 0.15 }).addTo(map);
    // Frame the region beside the form (left) and the layer panel (right), close enough to drag vertices.
    const width = map.getSize().x;
    map.fitBounds(layer.getBounds(), {
      animate: false,
      maxZoom: DRAFT_MAX_ZOOM,
      paddingTopLeft: [Math.min(FORM_WIDTH_PX, width * 0.45), 40],
      paddingBottomRight: [Math.min(LAYER_PANEL_WIDTH_PX, width * 0.2), 80],
    });
    suggestionRef.current = suggestion;
    adoptDraft(layer);
  }, [map, canWrite, adoptDraft]);

  useEffect(function listenToGeomanDrawing() {
    if (!map) return;
    let working: L.Polygon | null = null;
    const onChange = () => {
      if (!working) return;
      const latlngs = working.getLatLngs() as L.LatLng[];
      const ring = latlngs.map((p) => [p.lng, p.lat]);
      setDrawing((d) => ({ vertices: ring.length, logins: ring.length >= 3 ? (d?.logins ?? 0) : 0 }));
      if (ring.length >= 3) count({ type: "Polygon", coordinates: [closeRing(ring)] }, (logins) => setDrawing((d) => (d && working ? { ...d, logins } : d)));
    };
    const onStart = (e: L.LeafletEvent) => {
      drawingRef.current = true;
      working = (e as L.LeafletEvent & { workingLayer: L.Polygon }).workingLayer;
      working.on("pm:change", onChange);
      setDrawing({ vertices: 0, logins: 0 });
    };
    const onEnd = () => {
      drawingRef.current = false;
      working?.off("pm:change", onChange);
      working = null;
      setDrawing(null);
    };
    const onCreate = (e: L.LeafletEvent) => {
      suggestionRef.current = null; // drawn by hand
      adoptDraft((e as L.LeafletEvent & { layer: L.Polygon }).layer);
    };
    map.on("pm:drawstart", onStart);
    map.on("pm:drawend", onEnd);
    map.on("pm:create", onCreate);
    return function stopListeningToDrawing() {
      map.off("pm:drawstart", onStart);
      map.off("pm:drawend", onEnd);
      map.off("pm:create", onCreate);
    };
  }, [map, adoptDraft, count]);

  useEffect(function drawingKeyboard() {
    if (!map) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (e.key === "Escape") {
        if (drawingRef.current) map.pm.disableDraw();
      } else if (e.key === "Backspace" && drawingRef.current) {
        e.preventDefault();
        polygonDrawHandler(map)?._removeLastVertex?.();
      }
    };
    window.addEventListener("keydown", onKey);
    return function removeDrawingKeyboard() { window.removeEventListener("keydown", onKey); };
  }, [map]);

  const discard = useCallback(() => {
    draftRef.current?.pm.disable();
    draftRef.current?.remove();
    draftRef.current = null;
    suggestionRef.current = null;
    setDrawn(null);
  }, []);

  const hasDraft = useCallback(() => draftRef.current !== null, []);

  const refresh = useCallback(() => {
    if (draftRef.current) describeDraft(draftRef.current);
  }, [describeDraft]);

  return {
    drawing,
    drawn,
    drawingRef,
    hasDraft,
    startDrawing,
    finishDrawing: () => { if (map) polygonDrawHandler(map)?._finishShape?.(); },
    undoVertex: () => { if (map) polygonDrawHandler(map)?._removeLastVertex?.(); },
    cancelDrawing: () => map?.pm.disableDraw(),
    createFromSuggestion,
    discard,
    refresh,
  };
}
