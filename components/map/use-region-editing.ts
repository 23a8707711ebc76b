"use client";
// Editing an Aberta region's vertices from its popup ("Editar região"): the polygon's vertices become
// draggable; "Salvar região" checks it and PATCHes it, "Descartar edição" puts it back.
/// <reference types="@geoman-io/leaflet-geoman-free" />
import type L from "leaflet";
import { useCallback, useEffect, useRef, useState } from "react";
import { validatePolygon } from "@/lib/geo/validate-polygon";
import { layerGeometry } from "./map-geometry";
import { SNAP_DISTANCE_PX } from "./use-draft-polygon";
import { apiFetch, errorMessage } from "@/lib/api-client";

export interface RegionEditing {
  /** The order whose region is being edited, or null. */
  editing: number | null;
  /** The region polygons on the map, by order id (filled by their ref callbacks). */
  polygonRefs: React.RefObject<Map<number, L.Polygon>>;
  start: (orderId: number) => void;
  save: () => Promise<void>;
  discard: () => void;
}

export function useRegionEditing({ map, maxAreaKm2, onNotice, onSaved, onDiscarded }: {
  map: L.Map | null;
  maxAreaKm2: number;
  onNotice: (ok: boolean, text: string) => void;
  onSaved: () => Promise<void>;
  onDiscarded: () => void;
}): RegionEditing {
  const [editing, setEditing] = useState<number | null>(null);
  const polygonRefs = useRef(new Map<number, L.Polygon>());

  const start = useCallback((orderId: number) => {
    map?.closePopup();
    setEditing(orderId);
  }, [map]);

  useEffect(function enableVertexEditing() {
    if (editing === null) return;
    const layer = polygonRefs.current.get(editing);
    if (!layer) return;
    layer.pm.enable({ allowSelfIntersection: true, snappable: true, snapDistance: SNAP_DISTANCE_PX });
    return function disableVertexEditing() { layer.pm.disable(); };
  }, [editing]);

  async function save() {
    if (editing === null) return;
    const layer = polygonRefs.current.get(editing);
    if (!layer) return;
    const checked = validatePolygon(layerGeometry(layer), { maxAreaKm2 });
    if (!checked.ok) {
      onNotice(false, `Região inválida: ${checked.message}`);
      return;
    }
    try {
      await apiFetch(`/api/v1/service-orders/${editing}/region`, {
        method: "PATCH",
        json: { region: { type: "Feature", properties: {}, geometry: checked.geometry } },
      });
    } catch (err) {
      onNotice(false, errorMessage(err));
      return;
    }
    setEditing(null);
    onNotice(true, "Região atualizada.");
    await onSaved();
  }

  function discard() {
    setEditing(null);
    onDiscarded(); // remount the polygons: the dragged vertices go back
  }

  return { editing, polygonRefs, start, save, discard };
}
