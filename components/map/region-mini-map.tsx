"use client";
// The order page's small map: the region in its status colour, fitted to the view.
import "leaflet/dist/leaflet.css";
import { useMemo } from "react";
import { MapContainer, Polygon, ScaleControl, TileLayer } from "react-leaflet";
import type { AreaGeometry, Bbox } from "@/lib/geo/types";
import type { OrderStatusValue } from "@/lib/validation/order";
import { STATUS_COLOR } from "@/components/orders/status-style";

export interface RegionMiniMapProps {
  geometry: AreaGeometry;
  bbox: Bbox;
  status: OrderStatusValue;
  tileUrl: string;
  tileAttribution: string;
}

export default function RegionMiniMap({ geometry, bbox, status, tileUrl, tileAttribution }: RegionMiniMapProps) {
  const positions = useMemo(() => {
    const ring = (r: number[][]) => r.map((p) => [p[1] as number, p[0] as number] as [number, number]);
    return geometry.type === "Polygon" ? geometry.coordinates.map(ring) : geometry.coordinates.map((poly) => poly.map(ring));
  }, [geometry]);
  const bounds = useMemo(() => [[bbox[1], bbox[0]], [bbox[3], bbox[2]]] as [[number, number], [number, number]], [bbox]);
  return (
    <MapContainer bounds={bounds} boundsOptions={{ padding: [20, 20] }} className="h-72 w-full rounded-lg border border-slate-200" scrollWheelZoom={false}>
      {tileUrl ? <TileLayer url={tileUrl} attribution={tileAttribution} /> : null}
      <ScaleControl imperial={false} />
      <Polygon positions={positions} pathOptions={{ color: STATUS_COLOR[status], weight: 2, fillOpacity: 0.2 }} />
    </MapContainer>
  );
}
