"use client";
// The maintenance regions of the visible status layers: each polygon in its status colour (a click opens
// the order) and its building icon, whose hover card is the RegionPopup.
import type L from "leaflet";
import { useMemo, useRef } from "react";
import { Marker, Polygon } from "react-leaflet";
import type { MapRegion } from "@/lib/orders/list-regions";
import type { OrderStatusValue } from "@/lib/validation/order";
import { STATUS_COLOR } from "@/components/orders/status-style";
import { buildingIcon } from "./building-icon";
import { MapPopup } from "./map-popup";
import { toLatLngs } from "./map-geometry";
import { RegionPopup } from "./region-popup";

/** Building icons stay above login clusters and suggestion labels, so a region's icon is always reachable. */
const ORDER_ICON_Z_OFFSET = 10_000;

export function RegionLayers({ regions, shown, epoch, canWrite, isDrawing, editing, polygonRefs, onStatusChanged, onEdit }: {
  /** Every loaded region (icons and shapes are memoized over these). */
  regions: MapRegion[];
  /** The regions of the visible layers. */
  shown: MapRegion[];
  epoch: number;
  canWrite: boolean;
  /** While a polygon is drawn, hovers and clicks belong to the drawing. */
  isDrawing: () => boolean;
  /** The order whose region is being edited: no navigation away meanwhile. */
  editing: number | null;
  polygonRefs: React.RefObject<Map<number, L.Polygon>>;
  onStatusChanged: (orderId: number, status: OrderStatusValue) => void;
  onEdit: (orderId: number) => void;
}) {
  const positions = useMemo(() => new Map(regions.map((r) => [r.orderId, toLatLngs(r.geometry)])), [regions]);
  // Icons are kept per order, status and number: a new list with the same order must not redraw its icon (a
  // redrawn icon under a still mouse opens its card). Only the listed regions' icons stay cached.
  const iconCache = useRef(new Map<string, L.DivIcon>());
  const icons = useMemo(() => {
    const kept = new Map<string, L.DivIcon>();
    const byOrder = new Map(regions.map((r) => {
      const key = `${r.orderId}:${r.status}:${r.number}`;
      const icon = kept.get(key) ?? iconCache.current.get(key) ?? buildingIcon(r.status, r.number);
      kept.set(key, icon);
      return [r.orderId, icon] as const;
    }));
    iconCache.current = kept;
    return byOrder;
  }, [regions]);
  return (
    <>
      {shown.map((r) => (
        <Polygon
          key={`${r.orderId}:${epoch}`}
          ref={(layer) => { if (layer) polygonRefs.current.set(r.orderId, layer); else polygonRefs.current.delete(r.orderId); }}
          positions={positions.get(r.orderId) ?? []}
          pathOptions={{ color: STATUS_COLOR[r.status], weight: 2, fillOpacity: r.status === "EM_EXECUCAO" ? 0.25 : 0.12 }}
          eventHandlers={{ click: () => { if (!isDrawing() && editing === null) window.location.assign(`/ordens/${r.orderId}`); } }}
        />
      ))}
      {shown.map((r) => (
        <Marker
          key={r.orderId}
          position={[r.iconLat, r.iconLng]}
          icon={icons.get(r.orderId) ?? buildingIcon(r.status, r.number)}
          title={`OS ${r.number}`}
          zIndexOffset={ORDER_ICON_Z_OFFSET}
          eventHandlers={{ mouseover: (e) => { if (!isDrawing()) (e.target as L.Marker).openPopup(); } }}
        >
          <MapPopup>
            <RegionPopup region={r} canWrite={canWrite} onStatusChanged={onStatusChanged} onEdit={onEdit} />
          </MapPopup>
        </Marker>
      ))}
    </>
  );
}
