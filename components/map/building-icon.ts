// The building icon of a maintenance region (as in the source: "representado por um prédio"), an SVG
// divIcon in the order's status colour, so it renders the same everywhere (no emoji font needed).
import L from "leaflet";
import type { OrderStatusValue } from "@/lib/validation/order";
import { STATUS_COLOR } from "@/components/orders/status-style";

const SIZE = 30;

export function buildingIcon(status: OrderStatusValue, number: number): L.DivIcon {
  const c = STATUS_COLOR[status];
  return L.divIcon({
    className: "raio-order-icon",
    iconSize: [SIZE, SIZE],
    iconAnchor: [SIZE / 2, SIZE / 2],
    popupAnchor: [0, -SIZE / 2],
    html: `<div data-testid="order-icon" data-order-number="${number}" data-status="${status}" aria-label="OS ${number}" style="width:${SIZE}px;height:${SIZE}px;border-radius:6px;background:#fff;border:2px solid ${c};display:flex;align-items:center;justify-content:center;box-shadow:0 1px 3px rgba(0,0,0,.35)">
<svg width="20" height="20" viewBox="0 0 24 24" fill="${c}" aria-hidden="true"><path d="M4 22V3a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v5h3a1 1 0 0 1 1 1v13h-6v-4h-4v4H4Zm3-16v2h2V6H7Zm4 0v2h2V6h-2Zm-4 4v2h2v-2H7Zm4 0v2h2v-2h-2Zm6 2v2h2v-2h-2Zm-10 2v2h2v-2H7Zm4 0v2h2v-2h-2Zm6 2v2h2v-2h-2Z"/></svg></div>`,
  });
}
