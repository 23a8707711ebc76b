// The building icon of a maintenance region (as in the source: "representado por um prédio"), an SVG
// divIcon in the order's status colour, so it renders the same everywhere (no emoji font needed).
// Built as DOM nodes (no HTML string): see map-dom.ts.
import L from "leaflet";
import type { OrderStatusValue } from "@/lib/validation/order";
import { STATUS_COLOR } from "@/components/orders/status-style";
import { setData } from "./map-dom";

/** Icon box in pixels (map.css sizes .raio-order-icon-box to match). */
const SIZE = 30;
const SVG_NS = "http://www.w3.org/2000/svg";
const BUILDING_PATH =
  "M4 22V3a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v5h3a1 1 0 0 1 1 1v13h-6v-4h-4v4H4Zm3-16v2h2V6H7Zm4 0v2h2V6h-2Zm-4 4v2h2v-2H7Zm4 0v2h2v-2h-2Zm6 2v2h2v-2h-2Zm-10 2v2h2v-2H7Zm4 0v2h2v-2h-2Zm6 2v2h2v-2h-2Z";

function buildingElement(status: OrderStatusValue, number: number): HTMLElement {
  const color = STATUS_COLOR[status];
  const box = setData(document.createElement("div"), { testid: "order-icon", orderNumber: number, status });
  box.className = "raio-order-icon-box";
  box.setAttribute("aria-label", `OS ${number}`);
  box.style.borderColor = color;
  const svg = document.createElementNS(SVG_NS, "svg");
  svg.setAttribute("width", "20");
  svg.setAttribute("height", "20");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("fill", color);
  svg.setAttribute("aria-hidden", "true");
  const path = document.createElementNS(SVG_NS, "path");
  path.setAttribute("d", BUILDING_PATH);
  svg.appendChild(path);
  box.appendChild(svg);
  return box;
}

export function buildingIcon(status: OrderStatusValue, number: number): L.DivIcon {
  return L.divIcon({
    className: "raio-order-icon",
    iconSize: [SIZE, SIZE],
    iconAnchor: [SIZE / 2, SIZE / 2],
    popupAnchor: [0, -SIZE / 2],
    html: buildingElement(status, number),
  });
}
