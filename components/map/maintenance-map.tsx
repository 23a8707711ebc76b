"use client";
// The maintenance map (Inmap Service): logins, regions per status, outage suggestions, and drawing a new
// region whose order form opens as soon as the polygon closes (or from a suggestion's "Criar região").
// The draft stays editable while the form is open: dragging a vertex updates what Save sends.
// Leaflet lives only in components/map and loads client-only; every outside value reaches it as text
// (map-dom.ts, React popups).
import "leaflet/dist/leaflet.css";
import "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";
import "./map.css";
import type L from "leaflet";
import { useCallback, useMemo, useState } from "react";
import { MapContainer, ScaleControl, TileLayer } from "react-leaflet";
import { ORDER_STATUS_LABEL } from "@/components/orders/status-style";
import { OrderFormDialog, type CreatedOrder, type SubjectOption } from "@/components/orders/order-form-dialog";
import type { OrderStatusValue } from "@/lib/validation/order";
import { LoginMarkersLayer, type LoadedLogins } from "./login-markers-layer";
import { OutageSuggestionsLayer } from "./outage-suggestions-layer";
import { RegionLayers } from "./region-layers";
import { MapToolbar } from "./map-toolbar";
import { ContextMenu, DraftHint, DrawingBar, EditingBar, MapNotice } from "./map-panels";
import { useOutageSuggestions } from "./use-outage-suggestions";
import { useMapRegions } from "./use-map-regions";
import { useMapLayers } from "./use-map-layers";
import { useDraftPolygon } from "./use-draft-polygon";
import { useRegionEditing } from "./use-region-editing";
import { useContextMenu } from "./use-context-menu";
import { useHashView } from "./use-hash-view";
import { parseHashView } from "@/lib/format/map-hash";
import { TopologyLayers } from "./topology-layers";
import type { CreatedEquipmentOrder } from "./equipment-order-form";

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
// Zoom limits set on the map itself: with no tile layer nothing else sets them (a cluster's click zooms up to maxZoom).
const MIN_ZOOM = 4;
const MAX_ZOOM = 19;

export default function MaintenanceMap({ tileUrl, tileAttribution, canWrite, maxAreaKm2, subjects, center }: MaintenanceMapProps) {
  const [map, setMap] = useState<L.Map | null>(null);
  // The view in the address (#zoom/lat/lng) is the map's first view: the logins, regions and suggestions are
  // asked for once, for that view, instead of for the city first. (Client-only component: window exists.)
  const [initialView] = useState(() => parseHashView(window.location.hash, MIN_ZOOM, MAX_ZOOM));
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [loadedCount, setLoadedCount] = useState(0);
  const say = useCallback((ok: boolean, text: string) => setNotice({ ok, text }), []);

  const layers = useMapLayers(canWrite);
  const regions = useMapRegions((text) => say(false, text), map);
  const { suggestions, reload: reloadSuggestions } = useOutageSuggestions(layers.visible.SUGGESTIONS);
  const draft = useDraftPolygon({ map, canWrite, maxAreaKm2, regionsRef: regions.regionsRef });
  const editing = useRegionEditing({ map, maxAreaKm2, onNotice: say, onSaved: regions.reload, onDiscarded: regions.remount });
  const { drawingRef, hasDraft } = draft;
  const canOpenMenu = useCallback(() => !drawingRef.current && !hasDraft(), [drawingRef, hasDraft]);
  const menu = useContextMenu(map, canWrite, canOpenMenu);
  useHashView(map, MIN_ZOOM, MAX_ZOOM);

  const { refresh: refreshDraft } = draft;
  const onLoginsLoaded = useCallback((loaded: LoadedLogins) => {
    setLoadedCount(loaded.total);
    refreshDraft(); // the draft's "logins dentro" is recounted with the view's logins (new ones, moved ones)
  }, [refreshDraft]);

  function startDrawing() {
    menu.close();
    draft.startDrawing();
  }

  async function onSaved(created: CreatedOrder) {
    draft.discard();
    const warn = created.warnings.length ? ` Atenção: ${created.warnings.map((w) => w.message).join(" ")}` : "";
    say(true, `OS ${created.order.number} criada com a região de manutenção.${warn}`);
    await Promise.all([regions.reload(), layers.visible.SUGGESTIONS ? reloadSuggestions() : undefined]);
  }

  // topo (issue 17): an OS made for a CTO / PON / OLT (its region is the element's outline).
  async function onEquipmentOrder(created: CreatedEquipmentOrder) {
    say(true, `OS ${created.order.number} criada para ${created.equipment.name}: ${created.loginCount} login(s) afetado(s).`);
    await regions.reload();
  }

  function onStatusChanged(orderId: number, status: OrderStatusValue) {
    regions.setStatus(orderId, status);
    const r = regions.regionsRef.current.find((x) => x.orderId === orderId);
    if (r) say(true, `OS ${r.number}: ${ORDER_STATUS_LABEL[status]}.`);
    if (layers.visible.SUGGESTIONS) void reloadSuggestions(); // a closed order no longer covers its outage
  }

  const shown = useMemo(() => regions.regions.filter((r) => layers.visible[r.status]), [regions.regions, layers.visible]);
  const busy = !!draft.drawing || !!draft.drawn || editing.editing !== null;

  return (
    <div className={`relative h-full w-full ${draft.drawing ? "raio-drawing" : ""}`} data-testid="maintenance-map">
      <MapContainer ref={setMap} center={initialView ? [initialView.lat, initialView.lng] : center} zoom={initialView?.zoom ?? DEFAULT_ZOOM} minZoom={MIN_ZOOM} maxZoom={MAX_ZOOM} className="h-full w-full rounded-lg border border-slate-200" preferCanvas={false}>
        {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
        <ScaleControl imperial={false} position="bottomleft" />
        <LoginMarkersLayer visible={layers.visible.LOGINS} onLoaded={onLoginsLoaded} />
        <TopologyLayers canWrite={canWrite} subjects={subjects} showCtos={layers.visible.CTOS} showRootCauses={layers.visible.ROOT_CAUSES} disabled={busy} onOrderCreated={onEquipmentOrder} />
        <OutageSuggestionsLayer suggestions={suggestions} canWrite={canWrite} disabled={busy} onCreateRegion={draft.createFromSuggestion} />
        <RegionLayers
          regions={regions.regions} shown={shown} epoch={regions.epoch} canWrite={canWrite}
          isDrawing={() => draft.drawingRef.current} editing={editing.editing} polygonRefs={editing.polygonRefs}
          onStatusChanged={onStatusChanged} onEdit={editing.start}
        />
      </MapContainer>

      <MapToolbar layers={layers} canWrite={canWrite} drawDisabled={busy} onDraw={startDrawing} suggestionsCount={suggestions.length} loaded={loadedCount} />

      {menu.menu ? <ContextMenu at={menu.menu} onDraw={startDrawing} /> : null}

      {draft.drawing ? (
        <DrawingBar vertices={draft.drawing.vertices} logins={draft.drawing.logins}
          onFinish={draft.finishDrawing} onUndo={draft.undoVertex} onCancel={draft.cancelDrawing} />
      ) : null}

      {draft.drawn ? <DraftHint error={draft.drawn.error} /> : null}

      {editing.editing !== null ? (
        <EditingBar number={regions.regions.find((r) => r.orderId === editing.editing)?.number}
          onSave={() => void editing.save()} onDiscard={editing.discard} />
      ) : null}

      {notice ? <MapNotice ok={notice.ok} text={notice.text} onClose={() => setNotice(null)} /> : null}

      {draft.drawn ? (
        <div className="raio-draft-form">
          <OrderFormDialog region={draft.drawn} subjects={subjects} onCancel={draft.discard} onSaved={(c) => void onSaved(c)} />
        </div>
      ) : null}
    </div>
  );
}
