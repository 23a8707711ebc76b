// Validates a maintenance region drawn on the map (a GeoJSON Polygon or MultiPolygon, or a Feature
// wrapping one) and returns it normalized, with what the server stores beside it.
//
// Rules, in the order checked (the first failure is reported, in Portuguese, naming the bad value):
//  1. INVALID_GEOMETRY        not a Polygon/MultiPolygon (or a Feature of one), or malformed arrays
//  2. INVALID_COORDINATE      a coordinate is not a finite number
//  3. COORDINATE_OUT_OF_RANGE longitude outside -180..180 or latitude outside -90..90
//  4. RING_NOT_CLOSED         first vertex ≠ last vertex (the browser calls closeRing before sending)
//  5. TOO_FEW_VERTICES        a ring with fewer than 3 distinct vertices
//  6. TOO_MANY_VERTICES       more than maxVertices distinct vertices in total (checked before the
//                             O(n log n)…O(n²) geometry checks, so a huge input fails fast)
//  7. ZERO_AREA               all vertices of a ring on one line (checked before 8), or a ring
//                             below MIN_AREA_M2 (checked after 8: a bowtie's two lobes cancel out)
//  8. SELF_INTERSECTION       an edge crosses or touches another (bowtie, zero-width spike, a vertex
//                             visited twice, rings or parts touching each other)
//  9. HOLE_OUTSIDE            a hole not inside its outer ring, or inside another hole
// 10. PARTS_OVERLAP           a MultiPolygon part inside another part
// 11. AREA_TOO_LARGE          area above maxAreaKm2
// Duplicate CONSECUTIVE vertices are COLLAPSED, not refused (leaflet-geoman repeats the last vertex
// on the finishing double-click); a vertex repeated non-consecutively is a self-intersection.
// Normalization: [lng, lat] only (altitude dropped), rings closed, consecutive duplicates collapsed,
// outer rings counter-clockwise and holes clockwise (RFC 7946). The input is never mutated.

import { area, booleanIntersects } from "@turf/turf";
import { closeRing } from "./close-ring";
import { signOfDet2 } from "./exact-sign";
import { findSelfIntersection } from "./find-self-intersection";
import { preparePolygon } from "./prepared-polygon";
import type { AreaGeometry, Bbox, Position, Ring } from "./types";

export { closeRing };

/** Default vertex limit: enough for a street-by-street region, small enough to validate fast. */
export const DEFAULT_MAX_VERTICES = 5000;
/** Default area limit (km²): a neighbourhood-to-city scale outage; larger is almost surely a mistake. */
export const DEFAULT_MAX_AREA_KM2 = 500;
/** Areas below 1 m² are treated as zero (collinear vertices, or a drawing slip). */
const MIN_AREA_M2 = 1;
const MIN_DISTINCT_VERTICES = 3;

export type PolygonErrorCode =
  | "INVALID_GEOMETRY"
  | "INVALID_COORDINATE"
  | "COORDINATE_OUT_OF_RANGE"
  | "RING_NOT_CLOSED"
  | "TOO_FEW_VERTICES"
  | "TOO_MANY_VERTICES"
  | "ZERO_AREA"
  | "SELF_INTERSECTION"
  | "HOLE_OUTSIDE"
  | "PARTS_OVERLAP"
  | "AREA_TOO_LARGE";

export interface ValidPolygon {
  ok: true;
  geometry: AreaGeometry;
  /** Distinct vertices over all rings (closing vertices not counted). */
  vertexCount: number;
  areaM2: number;
  bbox: Bbox;
  /** A point strictly inside the region, for the map icon/label. */
  iconPoint: [number, number];
}

export interface InvalidPolygon {
  ok: false;
  code: PolygonErrorCode;
  message: string;
}

export interface ValidatePolygonOptions {
  maxVertices?: number;
  maxAreaKm2?: number;
}

const fmt = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 6 });
const fmtArea = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 });
const describe = (v: unknown): string => (typeof v === "number" ? fmt.format(v) : JSON.stringify(v) ?? String(v));
const fail = (code: PolygonErrorCode, message: string): InvalidPolygon => ({ ok: false, code, message });
const where = (part: number, ring: number, multi: boolean): string =>
  (multi ? `parte ${part + 1}, ` : "") + (ring === 0 ? "anel externo" : `buraco ${ring}`);

class Invalid extends Error {
  constructor(readonly result: InvalidPolygon) {
    super(result.message);
  }
}

function allCollinear(ring: readonly Position[]): boolean {
  const [a, b] = ring as [Position, Position];
  const [ax, ay, bx, by] = [a[0] as number, a[1] as number, b[0] as number, b[1] as number];
  return ring.every((c) => signOfDet2(bx - ax, by - ay, (c[0] as number) - ax, (c[1] as number) - ay) === 0);
}

function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[(i + 1) % n] as Position;
    sum += (a[0] as number) * (b[1] as number) - (b[0] as number) * (a[1] as number);
  }
  return sum / 2;
}

/** Parses and normalizes one ring; returns its distinct vertices WITHOUT the closing vertex. */
function readRing(raw: unknown, label: string): Position[] {
  if (!Array.isArray(raw)) throw new Invalid(fail("INVALID_GEOMETRY", `O ${label} não é uma lista de vértices`));
  const points: Position[] = [];
  raw.forEach((p: unknown, i) => {
    if (!Array.isArray(p) || p.length < 2) {
      throw new Invalid(fail("INVALID_GEOMETRY", `Vértice ${i + 1} do ${label} inválido: ${describe(p)}`));
    }
    const [lng, lat] = p as unknown[];
    for (const [name, v] of [["Longitude", lng], ["Latitude", lat]] as const) {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        throw new Invalid(fail("INVALID_COORDINATE", `${name} ${describe(v)} não é um número finito (${label}, vértice ${i + 1})`));
      }
    }
    if ((lng as number) < -180 || (lng as number) > 180) {
      throw new Invalid(fail("COORDINATE_OUT_OF_RANGE", `Longitude ${describe(lng)} fora do intervalo -180..180 (${label}, vértice ${i + 1})`));
    }
    if ((lat as number) < -90 || (lat as number) > 90) {
      throw new Invalid(fail("COORDINATE_OUT_OF_RANGE", `Latitude ${describe(lat)} fora do intervalo -90..90 (${label}, vértice ${i + 1})`));
    }
    points.push([lng as number, lat as number]);
  });
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < 2) {
    throw new Invalid(fail("TOO_FEW_VERTICES", `O ${label} tem ${points.length} vértices: o mínimo é ${MIN_DISTINCT_VERTICES}`));
  }
  if (first[0] !== last[0] || first[1] !== last[1]) {
    throw new Invalid(
      fail("RING_NOT_CLOSED", `O ${label} não está fechado: o primeiro vértice (${describe(first[0])}, ${describe(first[1])}) difere do último (${describe(last[0])}, ${describe(last[1])})`),
    );
  }
  const distinct: Position[] = [];
  for (const p of points) {
    const prev = distinct[distinct.length - 1];
    if (prev === undefined || prev[0] !== p[0] || prev[1] !== p[1]) distinct.push(p);
  }
  // Drop the closing vertex (and any duplicates of the first vertex collapsed into it).
  while (distinct.length > 1) {
    const tail = distinct[distinct.length - 1] as Position;
    if (tail[0] !== first[0] || tail[1] !== first[1]) break;
    distinct.pop();
  }
  if (distinct.length < MIN_DISTINCT_VERTICES) {
    throw new Invalid(fail("TOO_FEW_VERTICES", `O ${label} tem ${distinct.length} vértices distintos: o mínimo é ${MIN_DISTINCT_VERTICES}`));
  }
  return distinct;
}

/** A point strictly inside the rings of one part (outer + holes, open rings): horizontal scanline. */
function interiorPoint(rings: Position[][]): [number, number] {
  const outer = rings[0] as Position[];
  let cx = 0;
  let cy = 0;
  for (const p of outer) {
    cx += p[0] as number;
    cy += p[1] as number;
  }
  cx /= outer.length;
  cy /= outer.length;
  const prepared = preparePolygon({ type: "Polygon", coordinates: rings });
  const part = prepared.parts[0];
  // Centre of the vertices when it is inside and not on an edge (the usual convex-ish case).
  if (part !== undefined && prepared.contains(cx, cy) && !onAnyEdge(rings, cx, cy)) return [cx, cy];
  // Otherwise: a horizontal line between two consecutive vertex latitudes around the centre (so it
  // passes through no vertex), and the middle of its widest inside interval.
  const ys = [...new Set(rings.flatMap((r) => r.map((p) => p[1] as number)))].sort((a, b) => a - b);
  let k = ys.findIndex((y) => y > cy);
  if (k <= 0) k = Math.max(1, Math.floor(ys.length / 2));
  const y = ((ys[k - 1] as number) + (ys[k] as number)) / 2;
  const xs: number[] = [];
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[(i + 1) % ring.length] as Position;
      const [ax, ay, bx, by] = [a[0] as number, a[1] as number, b[0] as number, b[1] as number];
      if ((ay < y && by > y) || (ay > y && by < y)) xs.push(ax + ((y - ay) * (bx - ax)) / (by - ay));
    }
  }
  xs.sort((a, b) => a - b);
  let best: [number, number] = [cx, cy];
  let bestWidth = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = (xs[i + 1] as number) - (xs[i] as number);
    if (width > bestWidth) {
      bestWidth = width;
      best = [((xs[i] as number) + (xs[i + 1] as number)) / 2, y];
    }
  }
  return best;
}

function onAnyEdge(rings: readonly Position[][], x: number, y: number): boolean {
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i] as Position;
      const b = ring[(i + 1) % ring.length] as Position;
      const [ax, ay, bx, by] = [a[0] as number, a[1] as number, b[0] as number, b[1] as number];
      const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      if (cross === 0 && Math.min(ax, bx) <= x && x <= Math.max(ax, bx) && Math.min(ay, by) <= y && y <= Math.max(ay, by)) {
        return true;
      }
    }
  }
  return false;
}

const closed = (ring: readonly Position[]): Ring => closeRing(ring);

export function validatePolygon(geometry: unknown, opts: ValidatePolygonOptions = {}): ValidPolygon | InvalidPolygon {
  const maxVertices = opts.maxVertices ?? DEFAULT_MAX_VERTICES;
  const maxAreaKm2 = opts.maxAreaKm2 ?? DEFAULT_MAX_AREA_KM2;
  try {
    let geom = geometry as { type?: unknown; coordinates?: unknown; geometry?: unknown } | null;
    if (geom !== null && typeof geom === "object" && geom.type === "Feature") {
      geom = geom.geometry as typeof geom;
    }
    if (geom === null || typeof geom !== "object" || (geom.type !== "Polygon" && geom.type !== "MultiPolygon")) {
      const got = geom !== null && typeof geom === "object" ? describe(geom.type) : describe(geom);
      return fail("INVALID_GEOMETRY", `Geometria inválida: esperado Polygon ou MultiPolygon, recebido ${got}`);
    }
    const multi = geom.type === "MultiPolygon";
    const rawParts = multi ? geom.coordinates : [geom.coordinates];
    if (!Array.isArray(rawParts) || rawParts.length === 0) {
      return fail("INVALID_GEOMETRY", `Geometria ${geom.type} sem coordenadas`);
    }

    // 1–5: structure, coordinates, closure, distinct vertices.
    const parts: Position[][][] = rawParts.map((rawRings: unknown, pi) => {
      if (!Array.isArray(rawRings) || rawRings.length === 0) {
        throw new Invalid(fail("INVALID_GEOMETRY", `A ${multi ? `parte ${pi + 1}` : "geometria"} não tem anel externo`));
      }
      return rawRings.map((raw: unknown, ri) => readRing(raw, where(pi, ri, multi)));
    });

    // 6: vertex limit before any super-linear work.
    const vertexCount = parts.reduce((sum, rings) => sum + rings.reduce((s, r) => s + r.length, 0), 0);
    if (vertexCount > maxVertices) {
      return fail("TOO_MANY_VERTICES", `Polígono com ${vertexCount} vértices: o máximo é ${maxVertices}`);
    }

    // Orientation (RFC 7946): outer counter-clockwise, holes clockwise.
    const oriented = parts.map((rings) =>
      rings.map((ring, ri) => {
        const ccw = signedArea(ring) > 0;
        return (ri === 0) === ccw ? ring : [...ring].reverse();
      }),
    );

    // 7a: all vertices on one line — told as zero area rather than as the spike it also is.
    for (let pi = 0; pi < oriented.length; pi++) {
      const rings = oriented[pi] as Position[][];
      for (let ri = 0; ri < rings.length; ri++) {
        if (allCollinear(rings[ri] as Position[])) {
          return fail("ZERO_AREA", `O ${where(pi, ri, multi)} tem área nula: os vértices estão alinhados`);
        }
      }
    }

    // 8: self-intersection over every ring of every part at once (before 7b: a bowtie's lobes cancel).
    const hit = findSelfIntersection(oriented.flat());
    if (hit !== null) {
      return fail("SELF_INTERSECTION", `O polígono cruza ou toca a si mesmo perto de (${describe(hit[0])}, ${describe(hit[1])})`);
    }

    // 7b: rings too small to be meant.
    for (let pi = 0; pi < oriented.length; pi++) {
      const rings = oriented[pi] as Position[][];
      for (let ri = 0; ri < rings.length; ri++) {
        const ringArea = area({ type: "Polygon", coordinates: [closed(rings[ri] as Position[])] });
        if (!(ringArea >= MIN_AREA_M2)) {
          return fail("ZERO_AREA", `O ${where(pi, ri, multi)} tem área nula (${fmtArea.format(ringArea)} m²): o mínimo é ${MIN_AREA_M2} m²`);
        }
      }
    }

    // 9–10: with no edges touching, one vertex decides containment.
    for (let pi = 0; pi < oriented.length; pi++) {
      const rings = oriented[pi] as Position[][];
      const outer = preparePolygon({ type: "Polygon", coordinates: [rings[0] as Position[]] });
      for (let hi = 1; hi < rings.length; hi++) {
        const v = (rings[hi] as Position[])[0] as Position;
        const insideOuter = outer.contains(v[0] as number, v[1] as number);
        const insideHole = rings.some(
          (other, oi) => oi > 0 && oi !== hi && preparePolygon({ type: "Polygon", coordinates: [other] }).contains(v[0] as number, v[1] as number),
        );
        if (!insideOuter || insideHole) {
          return fail("HOLE_OUTSIDE", `O buraco ${hi}${multi ? ` da parte ${pi + 1}` : ""} não está dentro do anel externo (ou está dentro de outro buraco)`);
        }
      }
    }
    if (multi) {
      const prepared = oriented.map((rings) => preparePolygon({ type: "Polygon", coordinates: rings }));
      for (let pi = 0; pi < oriented.length; pi++) {
        const v = ((oriented[pi] as Position[][])[0] as Position[])[0] as Position;
        const other = prepared.findIndex((p, qi) => qi !== pi && p.contains(v[0] as number, v[1] as number));
        if (other >= 0) return fail("PARTS_OVERLAP", `A parte ${pi + 1} está dentro da parte ${other + 1}`);
      }
    }

    const coordinates = oriented.map((rings) => rings.map(closed));
    const normalized: AreaGeometry = multi ? { type: "MultiPolygon", coordinates } : { type: "Polygon", coordinates: coordinates[0] as Ring[] };

    // 11: area limit.
    const areaM2 = area(normalized);
    if (areaM2 > maxAreaKm2 * 1e6) {
      return fail("AREA_TOO_LARGE", `Área de ${fmtArea.format(areaM2 / 1e6)} km²: o máximo é ${fmtArea.format(maxAreaKm2)} km²`);
    }

    let bbox: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (const rings of oriented) {
      for (const p of rings[0] as Position[]) {
        bbox = [Math.min(bbox[0], p[0] as number), Math.min(bbox[1], p[1] as number), Math.max(bbox[2], p[0] as number), Math.max(bbox[3], p[1] as number)];
      }
    }
    // Icon: inside the largest part.
    let largest = 0;
    let largestArea = -1;
    oriented.forEach((rings, pi) => {
      const a = Math.abs(signedArea(rings[0] as Position[]));
      if (a > largestArea) {
        largestArea = a;
        largest = pi;
      }
    });
    const iconPoint = interiorPoint(oriented[largest] as Position[][]);
    return { ok: true, geometry: normalized, vertexCount, areaM2, bbox, iconPoint };
  } catch (err) {
    if (err instanceof Invalid) return err.result;
    throw err;
  }
}

export interface OverlapCandidate {
  id: number;
  label: string;
  geometry: AreaGeometry;
}

function bboxOf(geometry: AreaGeometry): Bbox {
  const polys = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const rings of polys) {
    for (const p of rings[0] ?? []) {
      box[0] = Math.min(box[0], p[0] as number);
      box[1] = Math.min(box[1], p[1] as number);
      box[2] = Math.max(box[2], p[0] as number);
      box[3] = Math.max(box[3], p[1] as number);
    }
  }
  return box;
}

/**
 * The regions `geometry` overlaps, for the "esta região sobrepõe a OS 12" warning. Bbox rejection
 * first, then Turf booleanIntersects — so regions that only share a border count too, consistent with
 * the boundary rule (a login on a shared border is inside both).
 */
export function findOverlaps(geometry: AreaGeometry, others: readonly OverlapCandidate[]): { id: number; label: string }[] {
  const box = bboxOf(geometry);
  const result: { id: number; label: string }[] = [];
  for (const other of others) {
    const o = bboxOf(other.geometry);
    if (o[0] > box[2] || o[2] < box[0] || o[1] > box[3] || o[3] < box[1]) continue;
    if (booleanIntersects(geometry, other.geometry)) result.push({ id: other.id, label: other.label });
  }
  return result;
}
