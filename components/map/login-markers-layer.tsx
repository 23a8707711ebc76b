"use client";
/// <reference types="leaflet.markercluster" />
// Login markers for the visible part of the map, clustered, coloured online/offline. Loaded per
// bounding box from /api/v1/logins after the map stops moving (debounced), never the whole table, and
// again every REFRESH_MS so the colours follow the status feed.
import { useEffect, useRef } from "react";
import L from "leaflet";
import { apiFetch } from "@/lib/api-client";
import { useMap } from "react-leaflet";
import { textElement } from "./map-dom";

/** Wait after the last move before asking the server (a drag or a zoom animation fires many events). */
const LOAD_DEBOUNCE_MS = 300;
/** The box asked for is the view plus this fraction on each side, so small pans need no request. */
const BBOX_PADDING = 0.2;
/** Reload the current box this often: the status feed turns logins on and off at any time. */
const REFRESH_MS = 20_000;
export const ONLINE_COLOR = "#16a34a";
export const OFFLINE_COLOR = "#dc2626";
/** A cluster with some (under OFFLINE_ALERT_SHARE) offline logins. */
const PARTLY_OFFLINE_COLOR = "#ca8a04";
/** A cluster turns red when at least this share of its logins is offline (an outage in the making). */
const OFFLINE_ALERT_SHARE = 0.5;

export interface LoadedLogins {
  lngs: Float64Array;
  lats: Float64Array;
  truncated: boolean;
}

interface Marker {
  id: number;
  lat: number;
  lng: number;
  online: boolean;
  username: string;
}

const offlineMarkers = new WeakSet<L.Layer>();

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const children = cluster.getAllChildMarkers();
  let offline = 0;
  for (const m of children) if (offlineMarkers.has(m)) offline++;
  const share = children.length ? offline / children.length : 0;
  const bg = share >= OFFLINE_ALERT_SHARE ? OFFLINE_COLOR : offline > 0 ? PARTLY_OFFLINE_COLOR : ONLINE_COLOR;
  const size = children.length < 100 ? 30 : children.length < 1000 ? 36 : 42;
  const disc = textElement(String(children.length), "raio-login-cluster-disc");
  disc.title = `${children.length} logins, ${offline} offline`;
  disc.style.width = disc.style.height = `${size}px`;
  disc.style.background = bg;
  disc.style.boxShadow = `0 0 0 4px ${bg}40`;
  return L.divIcon({ className: "raio-login-cluster", iconSize: [size, size], html: disc });
}

/** A login's tooltip, "maria.silva · online": the name is text, whatever characters it holds. */
function loginTooltip(m: Marker): () => HTMLElement {
  return () => textElement(`${m.username} · ${m.online ? "online" : "offline"}`, undefined, "span");
}

export function LoginMarkersLayer({ visible, onLoaded }: { visible: boolean; onLoaded: (loaded: LoadedLogins) => void }) {
  const map = useMap();
  const groupRef = useRef<L.MarkerClusterGroup | null>(null);
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;

  useEffect(function createClusterGroup() {
    const group = L.markerClusterGroup({ chunkedLoading: true, showCoverageOnHover: false, maxClusterRadius: 45, iconCreateFunction: clusterIcon });
    groupRef.current = group;
    // A right-click on a cluster still opens the map's context menu ("Inserir Região de Manutenção").
    const forwardContextMenu = (e: L.LeafletEvent) => { map.fire("contextmenu", e); };
    group.on("clustercontextmenu", forwardContextMenu);
    return function removeClusterGroup() {
      group.off("clustercontextmenu", forwardContextMenu);
      group.remove();
      groupRef.current = null;
    };
  }, [map]);

  useEffect(function toggleClusterGroup() {
    const group = groupRef.current;
    if (!group) return;
    if (visible) group.addTo(map);
    else group.remove();
  }, [map, visible]);

  useEffect(function loadMarkersOnMoveEnd() {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    async function load() {
      controller?.abort();
      controller = new AbortController();
      const b = map.getBounds().pad(BBOX_PADDING);
      const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
      const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
        .map((v) => v.toFixed(6)).join(",");
      try {
        const body = await apiFetch<{ logins: Marker[]; truncated: boolean }>(`/api/v1/logins?bbox=${bbox}`, { signal: controller.signal });
        const group = groupRef.current;
        if (!group) return;
        const layers: L.Layer[] = [];
        const lngs = new Float64Array(body.logins.length);
        const lats = new Float64Array(body.logins.length);
        body.logins.forEach((m, i) => {
          lngs[i] = m.lng;
          lats[i] = m.lat;
          const color = m.online ? ONLINE_COLOR : OFFLINE_COLOR;
          const marker = L.circleMarker([m.lat, m.lng], { radius: 5, color: "#fff", weight: 1, fillColor: color, fillOpacity: 0.95 });
          marker.bindTooltip(loginTooltip(m));
          if (!m.online) offlineMarkers.add(marker);
          layers.push(marker);
        });
        group.clearLayers();
        group.addLayers(layers);
        onLoadedRef.current({ lngs, lats, truncated: body.truncated });
      } catch (err) {
        if ((err as Error).name !== "AbortError") console.warn("[mapa] falha ao carregar logins", err);
      }
    }
    function scheduleLoad() {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), LOAD_DEBOUNCE_MS);
    }
    map.on("moveend", scheduleLoad);
    void load();
    // A hidden tab does not poll; the next tick after it shows again catches up.
    const refresh = setInterval(() => { if (!document.hidden) scheduleLoad(); }, REFRESH_MS);
    return function stopLoadingMarkers() {
      map.off("moveend", scheduleLoad);
      clearInterval(refresh);
      clearTimeout(timer);
      controller?.abort();
    };
  }, [map]);

  return null;
}
