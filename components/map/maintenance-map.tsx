"use client";
// The maintenance map (Inmap Service): logins, regions per status, outage suggestions, and drawing a new
// region whose order form opens as soon as the polygon closes (or from a suggestion's "Criar região").
// The draft stays editable while the form is open: dragging a vertex updates what Save sends.
// Leaflet lives only in components/map and loads client-only.
import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";
/// <reference types="@geoman-io/leaflet-geoman-free" />
import L from "leaflet";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { MapContainer, Marker, Polygon, Popup, ScaleControl, TileLayer } from "react-leaflet";
import { closeRing, findOverlaps, validatePolygon } from "@/lib/geo/validate-polygon";
import { preparePolygon } from "@/lib/geo/prepared-polygon";
import type { AreaGeometry, PolygonGeometry } from "@/lib/geo/types";
import type { MapRegion } from "@/lib/orders/list-regions";
import { ORDER_STATUSES, type OrderStatusValue } from "@/lib/validation/order";
import { ORDER_STATUS_LABEL, STATUS_COLOR } from "@/components/orders/status-style";
import { OrderFormDialog, type CreatedOrder, type DrawnRegion, type SubjectOption } from "@/components/orders/order-form-dialog";
import { LoginMarkersLayer, OFFLINE_COLOR, ONLINE_COLOR, type LoadedLogins } from "./login-markers-layer";
import { buildingIcon } from "./building-icon";
import { RegionPopup } from "./region-popup";
import { OutageSuggestionsLayer, SUGGESTION_COLOR } from "./outage-suggestions-layer";
import { useOutageSuggestions } from "./use-outage-suggestions";

export interface MaintenanceMapProps {
  tileUrl: string;
  tileAttribution: string;
  canWrite: boolean;
  maxAreaKm2: number;
  subjects: SubjectOption[];
  /** [lat, lng] */
  center: [number, number];
}

/** Zoom that shows a city district: markers cluster, streets readable on tiles. */
const DEFAULT_ZOOM = 13;
// Zoom limits set on the map itself: with no tile layer nothing else sets them (markercluster needs maxZoom).
const MIN_ZOOM = 4;
const MAX_ZOOM = 19;
const DRAW_COLOR = "#1759c4";
/** Building icons stay above login clusters, so a region's icon is always reachable. */
const ORDER_ICON_Z_OFFSET = 10_000;
/** Snap to the first vertex (and other shapes) within this many pixels: easy to close on touch screens. */
const SNAP_DISTANCE_PX = 20;
const ACTIVE_STATUSES: OrderStatusValue[] = ["ABERTA", "EM_EXECUCAO"];
/** Room kept free when framing a draft: the order form on the left, the layer switch on the right. */
const FORM_WIDTH_PX = 560;
const LAYER_SWITCH_WIDTH_PX = 270;
/** A suggestion is framed no closer than this (street level, vertices easy to grab). */
const DRAFT_MAX_ZOOM = 17;

type DrawHandler = { _removeLastVertex?: () => void; _finishShape?: () => void };

function polygonDrawHandler(map: L.Map): DrawHandler | undefined {
  return (map.pm.Draw as unknown as { Polygon?: DrawHandler }).Polygon;
}

/** GeoJSON [lng, lat] rings → Leaflet [lat, lng] rings. */
function toLatLngs(geometry: AreaGeometry): L.LatLngExpression[][] | L.LatLngExpression[][][] {
  const ring = (r: number[][]) => r.map((p) => [p[1] as number, p[0] as number] as L.LatLngTuple);
  return geometry.type === "Polygon" ? geometry.coordinates.map(ring) : geometry.coordinates.map((poly) => poly.map(ring));
}

/** A Leaflet polygon (drawn or edited) as a closed GeoJSON Polygon geometry. */
function layerGeometry(layer: L.Polygon): PolygonGeometry {
  const g = layer.toGeoJSON().geometry as unknown as { type: string; coordinates: number[][][] };
  return { type: "Polygon", coordinates: g.coordinates.map((r) => closeRing(r)) };
}

function countInside(geometry: PolygonGeometry, loaded: LoadedLogins | null): number {
  if (!loaded || loaded.lngs.length === 0) return 0;
  const ring = geometry.coordinates[0];
  if (!ring || ring.length < 4) return 0;
  const prepared = preparePolygon(geometry, { gridSize: 32 });
  let n = 0;
  for (let i = 0; i < loaded.lngs.length; i++) if (prepared.contains(loaded.lngs[i] as number, loaded.lats[i] as number)) n++;
  return n;
}

export default function MaintenanceMap({ tileUrl, tileAttribution, canWrite, maxAreaKm2, subjects, center }: MaintenanceMapProps) {
  const [map, setMap] = useState<L.Map | null>(null);
  const [regions, setRegions] = useState<MapRegion[]>([]);
  const [regionsEpoch, setRegionsEpoch] = useState(0);
  const [visible, setVisible] = useState<Record<OrderStatusValue | "LOGINS" | "SUGGESTIONS", boolean>>({
    ABERTA: true, EM_EXECUCAO: true, FINALIZADA: false, CANCELADA: false, LOGINS: true,
    SUGGESTIONS: canWrite, // on by default for the people who can turn a suggestion into a region
  });
  const [drawing, setDrawing] = useState<{ vertices: number; logins: number } | null>(null);
  const [drawn, setDrawn] = useState<DrawnRegion | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [loadedInfo, setLoadedInfo] = useState<{ count: number; truncated: boolean }>({ count: 0, truncated: false });

  const loadedRef = useRef<LoadedLogins | null>(null);
  const draftRef = useRef<L.Polygon | null>(null);
  const drawingRef = useRef(false);
  const polygonRefs = useRef(new Map<number, L.Polygon>());
  const regionsRef = useRef<MapRegion[]>([]);
  regionsRef.current = regions;
  const { suggestions, reload: reloadSuggestions } = useOutageSuggestions(visible.SUGGESTIONS);

  const loadRegions = useCallback(async () => {
    const fetchStatuses = async (s: OrderStatusValue[]) => {
      const res = await fetch(`/api/v1/regions?status=${s.join(",")}`);
      if (!res.ok) throw new Error(`regiões: ${res.status}`);
      return ((await res.json()) as { regions: MapRegion[] }).regions;
    };
    try {
      const [active, closed] = await Promise.all([fetchStatuses(ACTIVE_STATUSES), fetchStatuses(["FINALIZADA", "CANCELADA"])]);
      setRegions([...closed, ...active]);
      setRegionsEpoch((e) => e + 1);
    } catch {
      setNotice({ ok: false, text: "Não foi possível carregar as regiões de manutenção." });
    }
  }, []);

  useEffect(function loadRegionsOnce() {
    void loadRegions();
  }, [loadRegions]);

  const onLoginsLoaded = useCallback((loaded: LoadedLogins) => {
    loadedRef.current = loaded;
    setLoadedInfo({ count: loaded.lngs.length, truncated: loaded.truncated });
  }, []);

  // ---------------------------------------------------------------- drawing

  const startDrawing = useCallback(() => {
    setMenu(null);
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
    const loaded = loadedRef.current;
    const overlaps = geometry
      ? findOverlaps(
          geometry,
          regionsRef.current
            .filter((r) => ACTIVE_STATUSES.includes(r.status))
            .map((r) => ({ id: r.orderId, label: `A região sobrepõe a da OS ${r.number} (${ORDER_STATUS_LABEL[r.status]}): ${r.description}`, geometry: r.geometry })),
        ).map((o) => o.label)
      : [];
    setDrawn({
      geometry,
      error: checked.ok ? null : `Região inválida: ${checked.message}`,
      areaM2: checked.ok ? checked.areaM2 : 0,
      vertexCount: checked.ok ? checked.vertexCount : Math.max(0, (raw.coordinates[0]?.length ?? 1) - 1),
      loginsInside: countInside(geometry ?? raw, loaded),
      loginsTruncated: loaded?.truncated ?? false,
      overlaps,
    });
  }, [maxAreaKm2]);

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

  /** "Criar região" on a suggestion: its polygon becomes the draft, already drawn and editable. */
  const createFromSuggestion = useCallback((polygon: PolygonGeometry) => {
    if (!map || !canWrite || drawingRef.current) return;
    map.closePopup();
    const layer = L.polygon(toLatLngs(polygon) as L.LatLngExpression[][], { color: DRAW_COLOR, fillOpacity: 0.15 }).addTo(map);
    // Frame the region beside the form (left) and the layer switch (right), close enough to drag vertices.
    const width = map.getSize().x;
    map.fitBounds(layer.getBounds(), {
      animate: false,
      maxZoom: DRAFT_MAX_ZOOM,
      paddingTopLeft: [Math.min(FORM_WIDTH_PX, width * 0.45), 40],
      paddingBottomRight: [Math.min(LAYER_SWITCH_WIDTH_PX, width * 0.2), 80],
    });
    adoptDraft(layer);
  }, [map, canWrite, adoptDraft]);

  useEffect(function listenToGeomanDrawing() {
    if (!map) return;
    let working: L.Polygon | null = null;
    const onChange = () => {
      if (!working) return;
      const latlngs = working.getLatLngs() as L.LatLng[];
      const ring = latlngs.map((p) => [p.lng, p.lat]);
      const logins = ring.length >= 3 ? countInside({ type: "Polygon", coordinates: [closeRing(ring)] }, loadedRef.current) : 0;
      setDrawing({ vertices: ring.length, logins });
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
    const onCreate = (e: L.LeafletEvent) => adoptDraft((e as L.LeafletEvent & { layer: L.Polygon }).layer);
    map.on("pm:drawstart", onStart);
    map.on("pm:drawend", onEnd);
    map.on("pm:create", onCreate);
    return function stopListeningToDrawing() {
      map.off("pm:drawstart", onStart);
      map.off("pm:drawend", onEnd);
      map.off("pm:create", onCreate);
    };
  }, [map, adoptDraft]);

  useEffect(function drawingKeyboard() {
    if (!map) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (e.key === "Escape") {
        setMenu(null);
        if (drawingRef.current) map.pm.disableDraw();
      } else if (e.key === "Backspace" && drawingRef.current) {
        e.preventDefault();
        polygonDrawHandler(map)?._removeLastVertex?.();
      }
    };
    window.addEventListener("keydown", onKey);
    return function removeDrawingKeyboard() { window.removeEventListener("keydown", onKey); };
  }, [map]);

  useEffect(function contextMenuOnRightClick() {
    if (!map || !canWrite) return;
    // No menu while a draft is open: its form stays beside the map, and one draft at a time.
    const open = (e: L.LeafletMouseEvent) => { if (!drawingRef.current && !draftRef.current) setMenu({ x: e.containerPoint.x, y: e.containerPoint.y }); };
    const close = () => setMenu(null);
    map.on("contextmenu", open);
    map.on("click movestart", close);
    return function removeContextMenu() {
      map.off("contextmenu", open);
      map.off("click movestart", close);
    };
  }, [map, canWrite]);

  function discardDrawn() {
    draftRef.current?.pm.disable();
    draftRef.current?.remove();
    draftRef.current = null;
    setDrawn(null);
  }

  async function onSaved(created: CreatedOrder) {
    discardDrawn();
    const warn = created.warnings.length ? ` Atenção: ${created.warnings.map((w) => w.message).join(" ")}` : "";
    setNotice({ ok: true, text: `OS ${created.order.number} criada com a região de manutenção.${warn}` });
    await Promise.all([loadRegions(), visible.SUGGESTIONS ? reloadSuggestions() : undefined]);
  }

  // ---------------------------------------------------------------- regions

  const onStatusChanged = useCallback((orderId: number, status: OrderStatusValue) => {
    setRegions((rs) => rs.map((r) => (r.orderId === orderId ? { ...r, status } : r)));
    const r = regionsRef.current.find((x) => x.orderId === orderId);
    if (r) setNotice({ ok: true, text: `OS ${r.number}: ${ORDER_STATUS_LABEL[status]}.` });
  }, []);

  const startEditing = useCallback((orderId: number) => {
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

  async function saveEdit() {
    if (editing === null) return;
    const layer = polygonRefs.current.get(editing);
    if (!layer) return;
    const checked = validatePolygon(layerGeometry(layer), { maxAreaKm2 });
    if (!checked.ok) {
      setNotice({ ok: false, text: `Região inválida: ${checked.message}` });
      return;
    }
    const res = await fetch(`/api/v1/service-orders/${editing}/region`, {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ region: { type: "Feature", properties: {}, geometry: checked.geometry } }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) {
      setNotice({ ok: false, text: body?.error?.message ?? `Falha ao salvar a região (${res.status}).` });
      return;
    }
    setEditing(null);
    setNotice({ ok: true, text: "Região atualizada." });
    await loadRegions();
  }

  function discardEdit() {
    setEditing(null);
    setRegionsEpoch((e) => e + 1); // remount the polygons: the dragged vertices go back
  }

  const shown = useMemo(() => regions.filter((r) => visible[r.status]), [regions, visible]);
  const positions = useMemo(() => new Map(regions.map((r) => [r.orderId, toLatLngs(r.geometry)])), [regions]);
  const icons = useMemo(() => new Map(regions.map((r) => [r.orderId, buildingIcon(r.status, r.number)])), [regions]);

  const button = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm hover:bg-slate-100 disabled:opacity-50";
  return (
    <div className={`relative h-full w-full ${drawing ? "raio-drawing" : ""}`} data-testid="maintenance-map">
      <style>{`
        .raio-drawing .marker-cluster, .raio-drawing .raio-login-cluster, .raio-drawing .raio-order-icon, .raio-drawing .raio-outage-label { pointer-events: none; }
        .raio-order-icon, .raio-login-cluster, .raio-outage-label { background: transparent; border: 0; }
        /* The draft's order form leaves the map usable, so the draft's vertices can be dragged while it is open. */
        .raio-draft-form > div { pointer-events: none; background: transparent; justify-content: flex-start; align-items: flex-start; padding-top: 6rem; }
        .raio-draft-form [role="dialog"] { pointer-events: auto; max-height: calc(100vh - 7rem); overflow-y: auto; }
        .leaflet-container { background: #eef2f7; }
      `}</style>
      <MapContainer ref={setMap} center={center} zoom={DEFAULT_ZOOM} minZoom={MIN_ZOOM} maxZoom={MAX_ZOOM} className="h-full w-full rounded-lg border border-slate-200" preferCanvas={false}>
        {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
        <ScaleControl imperial={false} position="bottomleft" />
        <LoginMarkersLayer visible={visible.LOGINS} onLoaded={onLoginsLoaded} />
        <OutageSuggestionsLayer suggestions={suggestions} canWrite={canWrite} disabled={!!drawing || !!drawn || editing !== null} onCreateRegion={createFromSuggestion} />
        {shown.map((r) => (
          <Polygon
            key={`${r.orderId}:${regionsEpoch}`}
            ref={(layer) => { if (layer) polygonRefs.current.set(r.orderId, layer); else polygonRefs.current.delete(r.orderId); }}
            positions={positions.get(r.orderId) ?? []}
            pathOptions={{ color: STATUS_COLOR[r.status], weight: 2, fillOpacity: r.status === "EM_EXECUCAO" ? 0.25 : 0.12 }}
            eventHandlers={{
              click: () => {
                if (!drawingRef.current && editing === null) window.location.assign(`/ordens/${r.orderId}`);
              },
            }}
          />
        ))}
        {shown.map((r) => (
          <Marker
            key={r.orderId}
            position={[r.iconLat, r.iconLng]}
            icon={icons.get(r.orderId) ?? buildingIcon(r.status, r.number)}
            title={`OS ${r.number}`}
            zIndexOffset={ORDER_ICON_Z_OFFSET}
            eventHandlers={{ mouseover: (e) => { if (!drawingRef.current) (e.target as L.Marker).openPopup(); } }}
          >
            <Popup autoPan={false}>
              <RegionPopup region={r} canWrite={canWrite} onStatusChanged={onStatusChanged} onEdit={startEditing} />
            </Popup>
          </Marker>
        ))}
      </MapContainer>

      {/* Toolbar and layer switch */}
      <div className="absolute right-3 top-3 z-[500] flex w-60 flex-col gap-2">
        {canWrite ? (
          <button type="button" className={button} onClick={startDrawing} disabled={!!drawing || !!drawn || editing !== null}>
            Inserir Região de Manutenção
          </button>
        ) : null}
        <fieldset className="rounded border border-slate-300 bg-white/95 p-2 text-sm shadow-sm">
          <legend className="px-1 font-semibold">Camadas</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={visible.LOGINS} onChange={(e) => setVisible((v) => ({ ...v, LOGINS: e.target.checked }))} />
            Logins
            <span className="ml-auto flex items-center gap-1 text-xs text-slate-500">
              <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: ONLINE_COLOR }} />on
              <span className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: OFFLINE_COLOR }} />off
            </span>
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={visible.SUGGESTIONS} onChange={(e) => setVisible((v) => ({ ...v, SUGGESTIONS: e.target.checked }))} />
            <span className="inline-block h-3 w-3 rounded-sm border-2 border-dashed" style={{ borderColor: SUGGESTION_COLOR }} />
            Sugestões de interrupção
            {visible.SUGGESTIONS ? <span className="ml-auto text-xs text-slate-500" data-testid="suggestions-count">{suggestions.length}</span> : null}
          </label>
          {ORDER_STATUSES.map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="checkbox" checked={visible[s]} onChange={(e) => setVisible((v) => ({ ...v, [s]: e.target.checked }))} />
              <span className="inline-block h-3 w-3 rounded-sm" style={{ background: STATUS_COLOR[s] }} />
              Regiões {ORDER_STATUS_LABEL[s]}
            </label>
          ))}
          <p className="mt-1 text-xs text-slate-500" data-testid="logins-loaded">
            {loadedInfo.count} logins nesta área{loadedInfo.truncated ? " (limite atingido: aproxime o mapa)" : ""}
          </p>
        </fieldset>
      </div>

      {menu ? (
        <ul role="menu" className="absolute z-[600] rounded border border-slate-300 bg-white py-1 text-sm shadow-lg" style={{ left: menu.x, top: menu.y }}>
          <li role="none">
            <button type="button" role="menuitem" className="block w-full px-3 py-1.5 text-left hover:bg-slate-100" onClick={startDrawing}>
              Inserir Região de Manutenção
            </button>
          </li>
        </ul>
      ) : null}

      {drawing ? (
        <div role="status" data-testid="drawing-panel" className="absolute bottom-8 left-1/2 z-[500] flex -translate-x-1/2 items-center gap-3 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm shadow-lg">
          <span>
            <strong data-testid="drawing-vertices">{drawing.vertices}</strong> pontos ·{" "}
            <strong data-testid="drawing-logins">{drawing.logins}{loadedInfo.truncated ? "+" : ""}</strong> logins dentro
          </span>
          <button type="button" className={button} disabled={drawing.vertices < 3} onClick={() => map && polygonDrawHandler(map)?._finishShape?.()}>Concluir</button>
          <button type="button" className={button} disabled={drawing.vertices < 1} onClick={() => map && polygonDrawHandler(map)?._removeLastVertex?.()}>Desfazer ponto</button>
          <button type="button" className={button} onClick={() => map?.pm.disableDraw()}>Cancelar</button>
          <span className="hidden text-xs text-slate-500 md:inline">Clique no primeiro ponto para fechar · Esc cancela · Backspace desfaz</span>
        </div>
      ) : null}

      {drawn ? (
        <div role="status" data-testid="draft-panel" className="absolute bottom-8 left-1/2 z-[500] flex max-w-xl -translate-x-1/2 flex-col items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm shadow-lg">
          <span>Arraste os vértices para ajustar a região: o formulário salva o desenho atual.</span>
          {drawn.error ? <span className="text-red-700" data-testid="draft-error">{drawn.error}</span> : null}
        </div>
      ) : null}

      {editing !== null ? (
        <div role="status" className="absolute bottom-8 left-1/2 z-[500] flex -translate-x-1/2 items-center gap-3 rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm shadow-lg">
          <span>Arraste os vértices da região da OS {regions.find((r) => r.orderId === editing)?.number}.</span>
          <button type="button" className={button} onClick={() => void saveEdit()}>Salvar região</button>
          <button type="button" className={button} onClick={discardEdit}>Descartar edição</button>
        </div>
      ) : null}

      {notice ? (
        <div role={notice.ok ? "status" : "alert"} data-testid="map-notice"
          className={`absolute left-1/2 top-3 z-[500] max-w-md -translate-x-1/2 rounded border px-3 py-2 text-sm shadow ${notice.ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
          {notice.text}
          <button type="button" aria-label="Fechar aviso" className="ml-2 text-slate-500" onClick={() => setNotice(null)}>×</button>
        </div>
      ) : null}

      {drawn ? (
        <div className="raio-draft-form">
          <OrderFormDialog region={drawn} subjects={subjects} onCancel={discardDrawn} onSaved={(c) => void onSaved(c)} />
        </div>
      ) : null}
    </div>
  );
}
