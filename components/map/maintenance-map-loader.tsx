"use client";
// Leaflet touches `window` on import: the map is loaded in the browser only. Its box fills the window
// below the header (useFitViewport).
import dynamic from "next/dynamic";
import type { MaintenanceMapProps } from "./maintenance-map";
import { loadLeafletPlugins } from "./leaflet-global";
import { useFitViewport } from "./use-fit-viewport";

const MaintenanceMap = dynamic(async () => {
  await loadLeafletPlugins(); // before the map module: its maps need geoman
  return import("./maintenance-map");
}, {
  ssr: false,
  loading: () => <div className="flex h-full items-center justify-center rounded-lg border border-slate-200 bg-slate-100 text-slate-500">Carregando mapa…</div>,
});

export function MaintenanceMapLoader(props: MaintenanceMapProps) {
  const box = useFitViewport<HTMLDivElement>();
  return (
    <div ref={box} className="h-[calc(100dvh-5.5rem)] min-h-60 w-full" data-testid="map-box">
      <MaintenanceMap {...props} />
    </div>
  );
}
