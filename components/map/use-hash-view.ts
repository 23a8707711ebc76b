"use client";
// The map's view lives in the address, as "#zoom/lat/lng" (the convention of OpenStreetMap's own site):
// a link such as /mapa#17/-22.92520/-47.02480 opens the map on that spot, a reload keeps the view, and
// the view an agent is looking at can be sent to a colleague. The address follows the map (replaceState,
// so panning adds no history entries) and the map follows the address when only its hash changes. The first
// view is the caller's: it creates the map there (parseHashView), so nothing is fetched for another view first.
import { useEffect } from "react";
import type L from "leaflet";
import { formatHashView, parseHashView } from "@/lib/format/map-hash";

export function useHashView(map: L.Map | null, minZoom: number, maxZoom: number) {
  useEffect(function syncViewWithHash() {
    if (!map) return;
    const apply = () => {
      const view = parseHashView(window.location.hash, minZoom, maxZoom);
      if (view) map.setView([view.lat, view.lng], view.zoom, { animate: false });
    };
    const write = () => {
      const c = map.getCenter();
      const hash = formatHashView({ zoom: map.getZoom(), lat: c.lat, lng: c.lng });
      if (hash !== window.location.hash) window.history.replaceState(window.history.state, "", hash);
    };
    // No apply() here: the map was created at the address's view (maintenance-map.tsx reads it first).
    map.on("moveend", write);
    window.addEventListener("hashchange", apply);
    return function stopSyncing() {
      map.off("moveend", write);
      window.removeEventListener("hashchange", apply);
    };
  }, [map, minZoom, maxZoom]);
}
