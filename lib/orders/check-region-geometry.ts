// Validates a drawn polygon against the provider's limits and returns the columns stored beside it.
// The same validatePolygon runs in the browser before sending; here it is the authority.
import type { Prisma } from "../db";
import { AppError } from "../errors";
import { DEFAULT_MAX_VERTICES, validatePolygon, type ValidPolygon } from "../geo/validate-polygon";

export interface CheckedRegion {
  checked: ValidPolygon;
  columns: {
    geometry: Prisma.InputJsonValue;
    minLng: number;
    minLat: number;
    maxLng: number;
    maxLat: number;
    iconLng: number;
    iconLat: number;
    areaM2: number;
    vertexCount: number;
  };
}

export function checkRegionGeometry(geometry: unknown, maxAreaKm2: number): CheckedRegion {
  const checked = validatePolygon(geometry, { maxVertices: DEFAULT_MAX_VERTICES, maxAreaKm2 });
  if (!checked.ok) {
    throw new AppError("VALIDATION", `Região inválida: ${checked.message}`, { field: "region", details: { code: checked.code } });
  }
  const [minLng, minLat, maxLng, maxLat] = checked.bbox;
  return {
    checked,
    columns: {
      geometry: checked.geometry as unknown as Prisma.InputJsonValue,
      minLng, minLat, maxLng, maxLat,
      iconLng: checked.iconPoint[0],
      iconLat: checked.iconPoint[1],
      areaM2: checked.areaM2,
      vertexCount: checked.vertexCount,
    },
  };
}
