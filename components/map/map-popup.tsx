"use client";
// The popups of the maintenance map (region cards, outage suggestions): React children rendered by
// react-leaflet into the popup (text, never an HTML string), panned into view when opened near an edge
// of the map so the whole card shows, not only its button.
import type { ReactNode } from "react";
import { Popup } from "react-leaflet";

/** Room kept between an opened popup and the map's top-left edges (px): below the toolbar's buttons. */
const POPUP_PADDING_TOP_LEFT: [number, number] = [16, 56];
/** …and its bottom-right edges (px). */
const POPUP_PADDING_BOTTOM_RIGHT: [number, number] = [16, 16];
/** A popup is never wider than a 360 px phone's map. */
const POPUP_MAX_WIDTH_PX = 300;

// React handles a click inside the popup at the popup's own node (a portal container) before Leaflet sees
// it at the map's container; when the click replaced the button it hit (Executar → its confirmation),
// Leaflet would find the target detached, take it for a click on the map and close the popup. Clicks
// inside a popup are the popup's own: they stop here.
function keepClickInPopup(e: React.MouseEvent) {
  e.stopPropagation();
}

export function MapPopup({ children }: { children: ReactNode }) {
  return (
    <Popup autoPan autoPanPaddingTopLeft={POPUP_PADDING_TOP_LEFT} autoPanPaddingBottomRight={POPUP_PADDING_BOTTOM_RIGHT} maxWidth={POPUP_MAX_WIDTH_PX}>
      <div onClick={keepClickInPopup}>{children}</div>
    </Popup>
  );
}
