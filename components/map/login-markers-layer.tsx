"use client";
// Login markers for the visible part of the map, coloured online/offline, clustered by the server
// (GET /api/v1/logins?bbox=…&zoom=N: a cluster per grid cell where many logins fall together, the logins
// themselves where they are few or at street level). Loaded for the view after the map stops moving
// (debounced), and again every REFRESH_MS so the colours follow the status feed. A click on a cluster
// zooms to its logins.
import { useEffect, useRef } from "react";
import L from "leaflet";
import { apiFetch } from "@/lib/api-client";
import type { LoginClusters, LoginMarker } from "@/lib/maintenance/list-login-clusters";
import type { GridCluster } from "@/lib/geo/grid-clusters";
import { formatInteger } from "@/lib/format/number";
import { useMap } from "react-leaflet";
import { textElement } from "./map-dom";

/** Wait after the last move before asking the server (a drag or a zoom animation fires many events). */
const LOAD_DEBOUNCE_MS = 300;
/** The box asked for is the view plus this fraction on each side, so small pans need no request. */
const BBOX_PADDING = 0.2;
/** Reload the current box this often: the status feed turns logins on and off at any time. */
const REFRESH_MS = 20_000;
/** Room kept around a cluster's logins when a click zooms to them. */
const CLUSTER_ZOOM_PADDING_PX = 40;
/** From this count a cluster's disc shows thousands ("12 mil"): the full number is in its title. */
const COMPACT_FROM = 10_000;
export const ONLINE_COLOR = "#16a34a";
export const OFFLINE_COLOR = "#dc2626";
/** A cluster with some (under OFFLINE_ALERT_SHARE) offline logins. */
const PARTLY_OFFLINE_COLOR = "#ca8a04";
/** A cluster turns red when at least this share of its logins is offline (an outage in the making). */
const OFFLINE_ALERT_SHARE = 0.5;

/** What the view holds: every login in the box asked for (the clusters' counts plus the logins listed). */
export interface LoadedLogins {
  total: number;
}

function clusterIcon(cluster: GridCluster): L.DivIcon {
  const { count, offline } = cluster;
  const share = count ? offline / count : 0;
  const bg = share >= OFFLINE_ALERT_SHARE ? OFFLINE_COLOR : offline > 0 ? PARTLY_OFFLINE_COLOR : ONLINE_COLOR;
  const size = count < 100 ? 30 : count < 1000 ? 36 : 42;
  const label = count >= COMPACT_FROM ? `${formatInteger(Math.round(count / 1000))} mil` : String(count);
  const disc = textElement(label, "raio-login-cluster-disc");
  disc.title = `${formatInteger(count)} logins, ${formatInteger(offline)} offline`;
  disc.style.width = disc.style.height = `${size}px`;
  disc.style.background = bg;
  disc.style.boxShadow = `0 0 0 4px ${bg}40`;
  return L.divIcon({ className: "raio-login-cluster", iconSize: [size, size], html: disc });
}

/** A login's tooltip, "maria.silva · online": the name is text, whatever characters it holds. */
function loginTooltip(m: LoginMarker): () => HTMLElement {
  return () => textElement(`${m.username} · ${m.online ? "online" : "offline"}`, undefined, "span");
}

export function LoginMarkersLayer({ visible, onLoaded }: { visible: boolean; onLoaded: (loaded: LoadedLogins) => void }) {
  const map = useMap();
  const groupRef = useRef<L.LayerGroup | null>(null);
  const onLoadedRef = useRef(onLoaded);
  onLoadedRef.current = onLoaded;

  useEffect(function createMarkerGroup() {
    const group = L.layerGroup();
    groupRef.current = group;
    return function removeMarkerGroup() {
      group.remove();
      groupRef.current = null;
    };
  }, [map]);

  useEffect(function toggleMarkerGroup() {
    const group = groupRef.current;
    if (!group) return;
    if (visible) group.addTo(map);
    else group.remove();
  }, [map, visible]);

  useEffect(function loadMarkersOnMoveEnd() {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | undefined;
    function clusterMarker(c: GridCluster): L.Marker {
      const marker = L.marker([c.lat, c.lng], { icon: clusterIcon(c), keyboard: false });
      const [minLng, minLat, maxLng, maxLat] = c.bounds;
      marker.on("click", () => {
        map.fitBounds([[minLat, minLng], [maxLat, maxLng]], { padding: [CLUSTER_ZOOM_PADDING_PX, CLUSTER_ZOOM_PADDING_PX], maxZoom: map.getMaxZoom() });
      });
      return marker;
    }
    async function load() {
      controller?.abort();
      controller = new AbortController();
      const b = map.getBounds().pad(BBOX_PADDING);
      const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
      const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
        .map((v) => v.toFixed(6)).join(",");
      const zoom = Math.round(map.getZoom());
      try {
        const body = await apiFetch<LoginClusters>(`/api/v1/logins?bbox=${bbox}&zoom=${zoom}`, { signal: controller.signal });
        const group = groupRef.current;
        if (!group) return;
        const layers: L.Layer[] = body.clusters.map(clusterMarker);
        for (const m of body.logins) {
          const color = m.online ? ONLINE_COLOR : OFFLINE_COLOR;
          const marker = L.circleMarker([m.lat, m.lng], { radius: 5, color: "#fff", weight: 1, fillColor: color, fillOpacity: 0.95 });
          marker.bindTooltip(loginTooltip(m));
          layers.push(marker);
        }
        group.clearLayers();
        for (const layer of layers) group.addLayer(layer);
        onLoadedRef.current({ total: body.total });
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
