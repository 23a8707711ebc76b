"use client";
// The maintenance regions on the map: loaded from GET /api/v1/regions — open and executing ones whole (few by
// nature), closed ones only inside the visible area (they accumulate over the years: fetched again by bounding
// box when the map stops moving) — reloaded after a save, and patched in place when a popup changes a status.
import { useCallback, useEffect, useRef, useState } from "react";
import type { MapRegion } from "@/lib/orders/list-regions";
import type { OrderStatusValue } from "@/lib/validation/order";
import { apiFetch } from "@/lib/api-client";
import type L from "leaflet";

export const ACTIVE_STATUSES: OrderStatusValue[] = ["ABERTA", "EM_EXECUCAO"];
const CLOSED_STATUSES: OrderStatusValue[] = ["FINALIZADA", "CANCELADA"];
// Wait after the map stops moving before asking for the closed regions of the new view.
const CLOSED_DEBOUNCE_MS = 300;
// Margin around the view (fraction of its size), so a small pan shows regions already loaded.
const CLOSED_BBOX_PADDING = 0.2;

/** The map's view as the API's bbox parameter (padded, clamped to valid degrees). */
function viewBbox(map: L.Map): string {
  const b = map.getBounds().pad(CLOSED_BBOX_PADDING);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  return [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
    .map((v) => v.toFixed(6)).join(",");
}

/**
 * The region list with the closed ones of the new view: a region that did not change keeps its object (so its
 * polygon and icon are not redrawn: a redrawn icon under the mouse would open its card and pan the map), and
 * the very same list comes back when nothing changed at all.
 */
function keepUnchanged(current: MapRegion[], closed: MapRegion[]): MapRegion[] {
  const byId = new Map(current.map((r) => [r.orderId, r]));
  const same = (a: MapRegion | undefined, b: MapRegion) => a !== undefined && JSON.stringify(a) === JSON.stringify(b);
  const kept = closed.map((r) => (same(byId.get(r.orderId), r) ? byId.get(r.orderId)! : r));
  const open = current.filter((r) => !CLOSED_STATUSES.includes(r.status));
  const next = [...kept, ...open];
  return next.length === current.length && next.every((r, i) => r === current[i]) ? current : next;
}

export interface MapRegions {
  regions: MapRegion[];
  /** Always the latest regions, for event handlers registered once. */
  regionsRef: React.RefObject<MapRegion[]>;
  /** Bumped on every load: remounts the polygons (an abandoned vertex drag goes back). */
  epoch: number;
  remount: () => void;
  reload: () => Promise<void>;
  setStatus: (orderId: number, status: OrderStatusValue) => void;
}

export function useMapRegions(onError: (text: string) => void, map: L.Map | null): MapRegions {
  const [regions, setRegions] = useState<MapRegion[]>([]);
  const mapRef = useRef(map);
  mapRef.current = map;
  const [epoch, setEpoch] = useState(0);
  const regionsRef = useRef<MapRegion[]>([]);
  regionsRef.current = regions;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const fetchRegions = useCallback(async (s: OrderStatusValue[], bbox?: string) => {
    return (await apiFetch<{ regions: MapRegion[] }>(`/api/v1/regions?status=${s.join(",")}${bbox ? `&bbox=${bbox}` : ""}`)).regions;
  }, []);
  // Closed regions of the current view; none until the map exists (never "every closed region").
  const fetchClosed = useCallback(async () => {
    const m = mapRef.current;
    return m ? fetchRegions(CLOSED_STATUSES, viewBbox(m)) : [];
  }, [fetchRegions]);

  const reload = useCallback(async () => {
    try {
      const [active, closed] = await Promise.all([fetchRegions(ACTIVE_STATUSES), fetchClosed()]);
      setRegions([...closed, ...active]);
      setEpoch((e) => e + 1);
    } catch {
      onErrorRef.current("Não foi possível carregar as regiões de manutenção.");
    }
  }, [fetchRegions, fetchClosed]);

  useEffect(function loadRegionsOnce() {
    void reload();
  }, [reload]);

  // Closed regions follow the view. Only they are replaced: open and executing polygons (which may be in the
  // middle of an edit) are kept as they are, and the epoch does not move.
  useEffect(function loadClosedRegionsOnMoveEnd() {
    if (!map) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest = 0;
    async function loadClosed() {
      const mine = ++latest;
      try {
        const closed = await fetchClosed();
        if (mine !== latest) return; // a newer view answered first
        setRegions((rs) => keepUnchanged(rs, closed));
      } catch {
        onErrorRef.current("Não foi possível carregar as regiões encerradas desta área.");
      }
    }
    function scheduleLoad() {
      clearTimeout(timer);
      timer = setTimeout(() => void loadClosed(), CLOSED_DEBOUNCE_MS);
    }
    map.on("moveend", scheduleLoad);
    void loadClosed();
    return function stopLoadingClosedRegions() {
      map.off("moveend", scheduleLoad);
      clearTimeout(timer);
      latest++;
    };
  }, [map, fetchClosed]);

  const setStatus = useCallback((orderId: number, status: OrderStatusValue) => {
    setRegions((rs) => rs.map((r) => (r.orderId === orderId ? { ...r, status } : r)));
  }, []);

  const remount = useCallback(() => setEpoch((e) => e + 1), []);

  return { regions, regionsRef, epoch, remount, reload, setStatus };
}
