"use client";
import dynamic from "next/dynamic";
import type { RegionMiniMapProps } from "./region-mini-map";

const RegionMiniMap = dynamic(() => import("./region-mini-map"), {
  ssr: false,
  loading: () => <div className="h-72 w-full rounded-lg border border-slate-200 bg-slate-100" />,
});

export function RegionMiniMapLoader(props: RegionMiniMapProps) {
  return <RegionMiniMap {...props} />;
}
