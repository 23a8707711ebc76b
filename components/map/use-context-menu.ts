"use client";
// The map's right-click menu ("Inserir Região de Manutenção"), for people who may draw. It does not open
// while a polygon is drawn or a draft's form is open (one draft at a time); a click, a move or Esc closes it.
import type L from "leaflet";
import { useCallback, useEffect, useState } from "react";

export function useContextMenu(map: L.Map | null, enabled: boolean, canOpen: () => boolean) {
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const close = useCallback(() => setMenu(null), []);

  useEffect(function contextMenuOnRightClick() {
    if (!map || !enabled) return;
    const open = (e: L.LeafletMouseEvent) => { if (canOpen()) setMenu({ x: e.containerPoint.x, y: e.containerPoint.y }); };
    const onKey = (e: KeyboardEvent) => { if (e.key === "Escape") close(); };
    map.on("contextmenu", open);
    map.on("click movestart", close);
    window.addEventListener("keydown", onKey);
    return function removeContextMenu() {
      map.off("contextmenu", open);
      map.off("click movestart", close);
      window.removeEventListener("keydown", onKey);
    };
  }, [map, enabled, canOpen, close]);

  return { menu, close };
}
