// Plain GeoJSON shapes used by lib/geo. Coordinates are [lng, lat] in degrees (RFC 7946 order).
// Structurally compatible with the `geojson` types Turf uses, so values pass to Turf unchanged.

export type Position = number[];
export type Ring = Position[];

export interface PolygonGeometry {
  type: "Polygon";
  coordinates: Ring[];
}

export interface MultiPolygonGeometry {
  type: "MultiPolygon";
  coordinates: Ring[][];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** [minLng, minLat, maxLng, maxLat] */
export type Bbox = [number, number, number, number];
