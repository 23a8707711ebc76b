// An index of the regions whose service order is Em Execução, for the per-contact check
// ("is this customer inside a maintenance region now?"). Flatbush over the regions' bboxes rejects
// almost every region; the few candidates are answered by their prepared polygons (boundary inside).
// Built once per change of the executing set (a few ms for 1,000 regions); queries allocate only the
// small result array.

import Flatbush from "flatbush";
import { preparePolygon, type PreparedPolygon } from "./prepared-polygon";
import type { AreaGeometry } from "./types";

/**
 * Grid cells per axis for each region's prepared polygon. Per-contact queries test one point per
 * candidate, so a coarse grid is enough and keeps 1,000 regions at ~1 MiB.
 */
const REGION_GRID_SIZE = 32;

export interface RegionInput {
  id: number;
  geometry: AreaGeometry;
}

export interface RegionIndex {
  readonly size: number;
  /** Ids of the regions containing the point (boundary counts as inside), in input order. */
  regionsContaining(lng: number, lat: number): number[];
}

export function buildRegionIndex(regions: readonly RegionInput[]): RegionIndex {
  const prepared: PreparedPolygon[] = regions.map((r) => preparePolygon(r.geometry, { gridSize: REGION_GRID_SIZE }));
  const ids = Int32Array.from(regions, (r) => r.id);
  if (regions.length === 0) return { size: 0, regionsContaining: () => [] };

  const tree = new Flatbush(regions.length);
  for (const p of prepared) tree.add(p.bbox[0], p.bbox[1], p.bbox[2], p.bbox[3]);
  tree.finish();

  return {
    size: regions.length,
    regionsContaining(lng: number, lat: number): number[] {
      if (!Number.isFinite(lng) || !Number.isFinite(lat)) return [];
      const hits = tree.search(lng, lat, lng, lat, (i) => (prepared[i] as PreparedPolygon).contains(lng, lat));
      if (hits.length > 1) hits.sort((a, b) => a - b);
      for (let k = 0; k < hits.length; k++) hits[k] = ids[hits[k] as number] as number;
      return hits;
    },
  };
}
