"use client";
// Which layers the map shows, and whether the layer panel is open. The panel starts closed on a phone
// (it would cover most of a 360 px map) and open on wider screens; either way it can be toggled.
import { useCallback, useState } from "react";
import type { OrderStatusValue } from "@/lib/validation/order";

export type LayerKey = OrderStatusValue | "LOGINS" | "SUGGESTIONS" | "CTOS" | "ROOT_CAUSES";

/** Below this width (Tailwind's md) the layer panel starts collapsed. */
const WIDE_SCREEN_QUERY = "(min-width: 768px)";

export interface MapLayers {
  visible: Record<LayerKey, boolean>;
  setVisible: (layer: LayerKey, on: boolean) => void;
  panelOpen: boolean;
  togglePanel: () => void;
}

export function useMapLayers(canWrite: boolean): MapLayers {
  const [visible, setAll] = useState<Record<LayerKey, boolean>>({
    ABERTA: true, EM_EXECUCAO: true, FINALIZADA: false, CANCELADA: false, LOGINS: true,
    SUGGESTIONS: canWrite, // on by default for the people who can turn a suggestion into a region
    CTOS: true, // the FTTH plant's boxes (drawn from street zoom on)
    ROOT_CAUSES: canWrite, // the plant's probable causes of an outage, for the same people as the suggestions
  });
  // The map module loads in the browser only (no server render), so the screen can be asked at once.
  const [panelOpen, setPanelOpen] = useState(() => window.matchMedia(WIDE_SCREEN_QUERY).matches);
  const setVisible = useCallback((layer: LayerKey, on: boolean) => setAll((v) => ({ ...v, [layer]: on })), []);
  const togglePanel = useCallback(() => setPanelOpen((o) => !o), []);
  return { visible, setVisible, panelOpen, togglePanel };
}
