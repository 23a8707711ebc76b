// Suggests maintenance regions from the logins that went offline recently. Pure: plain data in, plain
// data out, inputs never mutated, no I/O.
//
// 1. Evidence: a login is "recently offline" when it is offline now and went offline (statusChangedAt)
//    within the window before `now`. Logins offline since before the window say nothing about this
//    outage (a cancelled customer, a router off for a month) and are left out of every count; logins
//    with no status change recorded are treated the same way when offline.
// 2. Clustering: DBSCAN over the recently-offline points (eps = radiusM, core when ≥ minPoints points
//    within eps, itself included). Neighbours come from a KDBush range query in degrees (the box widened
//    by 1 / cos(lat) in longitude), then an exact local equirectangular distance — exact enough below
//    a few km, and it needs no global projection (an ISP may span several states).
// 3. Hull: the concave hull of each cluster (Turf `concave`, maxEdge = CONCAVE_EDGE_FACTOR × eps) buffered
//    by marginM; when that is not a single valid polygon holding every cluster point, the convex hull
//    buffered by marginM (computed here, always a valid convex polygon). Either is checked by
//    validatePolygon, so a suggestion can become a maintenance region unchanged.
// 4. Density: within the hull, offlineShare = recently offline ÷ (online + recently offline). Clusters
//    below minShare (a dense area where a few routers happen to be off) or with fewer than minOffline
//    offline logins are dropped. Random offline noise rarely forms a DBSCAN cluster at all, and when it
//    does, the online logins around it keep its share low.
// Margins below eps / 2 keep the hulls of two distinct clusters apart (clusters are > eps apart).

import { buffer, concave, featureCollection, point } from "@turf/turf";
import KDBush from "kdbush";
import { buildPointIndex, pointsInPolygon } from "../geo/point-index";
import { preparePolygon } from "../geo/prepared-polygon";
import { DEFAULT_MAX_AREA_KM2, validatePolygon } from "../geo/validate-polygon";
import type { Bbox, PolygonGeometry, Position } from "../geo/types";

/** Metres per degree of latitude (mean; longitude degrees are this × cos(lat)). */
const METERS_PER_DEGREE = 111_320;
const DEG = Math.PI / 180;

/** Default DBSCAN radius: about a block; logins of one street/drop share a few hundred metres. */
export const DEFAULT_RADIUS_M = 150;
/** Default DBSCAN core size (the point itself included). */
export const DEFAULT_MIN_POINTS = 5;
/** Default smallest outage worth suggesting (offline logins inside the hull). */
export const DEFAULT_MIN_OFFLINE = 8;
/** Default share of the hull's logins that must be offline: a majority. */
export const DEFAULT_MIN_SHARE = 0.5;
/** Default margin around the hull: the region reaches past the outermost offline installations. */
export const DEFAULT_MARGIN_M = 60;
/** Concave hull edge limit, in DBSCAN radii: long enough to keep one cluster in one piece. */
const CONCAVE_EDGE_FACTOR = 3;
/** Above this many points the concave hull (Delaunay + union) costs too much; the convex hull is used. */
const CONCAVE_MAX_POINTS = 3_000;
/** Vertices of the circle used to buffer each convex-hull vertex. */
const BUFFER_CIRCLE_STEPS = 16;
/** Turf buffer's steps per quarter circle (its default is 8; 4 keeps the vertex count modest). */
const TURF_BUFFER_STEPS = 4;

export type HullKind = "concave" | "convex";

export interface DetectionLogin {
  id: number;
  lng: number;
  lat: number;
  online: boolean;
  /** When `online` last flipped; null = unknown. */
  statusChangedAt: Date | null;
}

export interface DetectionParams {
  /** How far back an offline change counts, in minutes (settings.outageWindowMinutes). */
  windowMinutes: number;
  radiusM?: number;
  minPoints?: number;
  minOffline?: number;
  minShare?: number;
  marginM?: number;
  /** Preferred hull (default "concave"; falls back to convex per cluster when needed). */
  hull?: HullKind;
  /** Largest suggestion accepted (km²), as for drawn regions. */
  maxAreaKm2?: number;
}

export interface OutageSuggestion {
  /** The suggested region, [lng, lat], outer ring counter-clockwise, valid for validatePolygon. */
  polygon: PolygonGeometry;
  hull: HullKind;
  bbox: Bbox;
  /** A point inside the region for the map label. */
  iconPoint: [number, number];
  areaM2: number;
  /** Recently offline logins inside the region. */
  offlineCount: number;
  /** Logins inside the region that were online at the window start (online now + recently offline). */
  totalInArea: number;
  /** offlineCount ÷ totalInArea, 0..1. */
  offlineShare: number;
  /** The earliest and latest offline changes inside the region. */
  firstOfflineAt: Date;
  lastOfflineAt: Date;
  /** Ids of the recently offline logins inside the region, ascending. */
  offlineLoginIds: number[];
}

function assertParam(name: string, value: number, min: number, max = Infinity): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`Parâmetro ${name} = ${value}: deve estar entre ${min} e ${max}`);
  }
}

/** Andrew's monotone chain over [x, y] pairs; returns the hull counter-clockwise, not closed. */
function convexHull(points: readonly [number, number][]): [number, number][] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: [number, number][] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/** Convex hull of the points buffered by marginM, built in a local metric frame around their centre. */
// Exported for lib/topology (an equipment order's outline): one buffered hull for both.
export function bufferedConvexHull(lngs: readonly number[], lats: readonly number[], marginM: number): PolygonGeometry {
  let lng0 = 0;
  let lat0 = 0;
  for (let i = 0; i < lngs.length; i++) {
    lng0 += lngs[i]!;
    lat0 += lats[i]!;
  }
  lng0 /= lngs.length;
  lat0 /= lats.length;
  const kx = METERS_PER_DEGREE * Math.cos(lat0 * DEG);
  const ky = METERS_PER_DEGREE;
  const local = lngs.map((lng, i): [number, number] => [(lng - lng0) * kx, (lats[i]! - lat0) * ky]);
  const core = convexHull(local);
  const circled: [number, number][] = [];
  // The circle's polygon is inscribed: push it out so its edges (not only its vertices) clear the margin.
  const r = marginM / Math.cos(Math.PI / BUFFER_CIRCLE_STEPS);
  for (const [x, y] of core) {
    for (let s = 0; s < BUFFER_CIRCLE_STEPS; s++) {
      const a = (2 * Math.PI * s) / BUFFER_CIRCLE_STEPS;
      circled.push([x + r * Math.cos(a), y + r * Math.sin(a)]);
    }
  }
  const ring: Position[] = convexHull(circled).map(([x, y]) => [lng0 + x / kx, lat0 + y / ky]);
  ring.push([...ring[0]!]);
  return { type: "Polygon", coordinates: [ring] };
}

/** Concave hull buffered by marginM, or null when Turf gives no single polygon. */
function bufferedConcaveHull(lngs: readonly number[], lats: readonly number[], maxEdgeM: number, marginM: number): PolygonGeometry | null {
  try {
    const points = featureCollection(lngs.map((lng, i) => point([lng, lats[i]!])));
    const hull = concave(points, { maxEdge: maxEdgeM / 1000, units: "kilometers" });
    if (!hull) return null;
    const buffered = buffer(hull, marginM, { units: "meters", steps: TURF_BUFFER_STEPS });
    const geometry = buffered?.geometry;
    if (!geometry || geometry.type !== "Polygon") return null;
    return { type: "Polygon", coordinates: geometry.coordinates };
  } catch {
    return null;
  }
}

export function detectOutages(logins: readonly DetectionLogin[], now: Date, params: DetectionParams): OutageSuggestion[] {
  const radiusM = params.radiusM ?? DEFAULT_RADIUS_M;
  const minPoints = params.minPoints ?? DEFAULT_MIN_POINTS;
  const minOffline = params.minOffline ?? DEFAULT_MIN_OFFLINE;
  const minShare = params.minShare ?? DEFAULT_MIN_SHARE;
  const marginM = params.marginM ?? DEFAULT_MARGIN_M;
  const hullKind = params.hull ?? "concave";
  const maxAreaKm2 = params.maxAreaKm2 ?? DEFAULT_MAX_AREA_KM2;
  assertParam("windowMinutes", params.windowMinutes, 0);
  assertParam("radiusM", radiusM, 1, 10_000);
  assertParam("minPoints", minPoints, 1);
  assertParam("minOffline", minOffline, 1);
  assertParam("minShare", minShare, 0, 1);
  assertParam("marginM", marginM, 0, 10_000);

  const nowMs = now.getTime();
  const sinceMs = nowMs - params.windowMinutes * 60_000;

  // The considered logins (online, or offline within the window), as typed arrays.
  const n = logins.length;
  const lngs = new Float64Array(n);
  const lats = new Float64Array(n);
  const offline = new Uint8Array(n);
  const changedMs = new Float64Array(n);
  const loginIds = new Int32Array(n);
  let m = 0;
  let offlineTotal = 0;
  for (const l of logins) {
    if (!Number.isFinite(l.lng) || !Number.isFinite(l.lat)) continue;
    let isOffline = 0;
    if (!l.online) {
      const t = l.statusChangedAt?.getTime();
      if (t === undefined || t < sinceMs) continue; // offline since before the window: no evidence
      isOffline = 1;
      changedMs[m] = t;
      offlineTotal++;
    }
    lngs[m] = l.lng;
    lats[m] = l.lat;
    offline[m] = isOffline;
    loginIds[m] = l.id;
    m++;
  }
  if (offlineTotal < Math.max(minPoints, minOffline)) return [];

  // DBSCAN over the offline points only.
  const off = new Int32Array(offlineTotal); // offline point → considered index
  for (let i = 0, k = 0; i < m; i++) if (offline[i]) off[k++] = i;
  const kd = new KDBush(offlineTotal, 64, Float64Array);
  for (let k = 0; k < offlineTotal; k++) kd.add(lngs[off[k]!]!, lats[off[k]!]!);
  kd.finish();
  const dLat = radiusM / METERS_PER_DEGREE;
  const r2 = radiusM * radiusM;
  const neighbours = (k: number): number[] => {
    const lng = lngs[off[k]!]!;
    const lat = lats[off[k]!]!;
    const cos = Math.max(Math.cos(lat * DEG), 1e-6);
    const dLng = dLat / cos;
    const found = kd.range(lng - dLng, lat - dLat, lng + dLng, lat + dLat);
    const kx = METERS_PER_DEGREE * cos;
    return found.filter((j) => {
      const dx = (lngs[off[j]!]! - lng) * kx;
      const dy = (lats[off[j]!]! - lat) * METERS_PER_DEGREE;
      return dx * dx + dy * dy <= r2;
    });
  };
  const UNVISITED = -1;
  const NOISE = -2;
  const label = new Int32Array(offlineTotal).fill(UNVISITED);
  const clusters: number[][] = [];
  for (let k = 0; k < offlineTotal; k++) {
    if (label[k] !== UNVISITED) continue;
    const seeds = neighbours(k);
    if (seeds.length < minPoints) {
      label[k] = NOISE;
      continue;
    }
    const c = clusters.length;
    const members = [k];
    clusters.push(members);
    label[k] = c;
    const queue = seeds;
    for (let q = 0; q < queue.length; q++) {
      const j = queue[q]!;
      if (label[j] === NOISE) {
        label[j] = c; // border point
        members.push(j);
        continue;
      }
      if (label[j] !== UNVISITED) continue;
      label[j] = c;
      members.push(j);
      const more = neighbours(j);
      if (more.length >= minPoints) for (const x of more) if (label[x] === UNVISITED || label[x] === NOISE) queue.push(x);
    }
  }
  const candidates = clusters.filter((c) => c.length >= minOffline);
  if (candidates.length === 0) return [];

  // Every considered login, for the density test inside each hull.
  const index = buildPointIndex({ ids: Int32Array.from({ length: m }, (_, i) => i), lngs: lngs.subarray(0, m), lats: lats.subarray(0, m) });

  const suggestions: OutageSuggestion[] = [];
  for (const members of candidates) {
    const cLngs = members.map((k) => lngs[off[k]!]!);
    const cLats = members.map((k) => lats[off[k]!]!);
    let polygon: PolygonGeometry | null = null;
    let hull: HullKind = "convex";
    if (hullKind === "concave" && members.length <= CONCAVE_MAX_POINTS) {
      const concaveHull = bufferedConcaveHull(cLngs, cLats, CONCAVE_EDGE_FACTOR * radiusM, marginM);
      if (concaveHull) {
        const prepared = preparePolygon(concaveHull);
        if (cLngs.every((lng, i) => prepared.contains(lng, cLats[i]!))) {
          polygon = concaveHull;
          hull = "concave";
        }
      }
    }
    let valid = polygon ? validatePolygon(polygon, { maxAreaKm2 }) : null;
    if (!valid?.ok) {
      polygon = bufferedConvexHull(cLngs, cLats, marginM);
      hull = "convex";
      valid = validatePolygon(polygon, { maxAreaKm2 });
    }
    if (!valid.ok) continue; // e.g. larger than maxAreaKm2: not a plausible single outage
    const geometry = valid.geometry as PolygonGeometry;

    const inside = pointsInPolygon(index, preparePolygon(geometry));
    let offlineCount = 0;
    let first = Infinity;
    let last = -Infinity;
    const offlineLoginIds: number[] = [];
    for (const i of inside) {
      if (!offline[i]) continue;
      offlineCount++;
      offlineLoginIds.push(loginIds[i]!);
      const t = changedMs[i]!;
      if (t < first) first = t;
      if (t > last) last = t;
    }
    const totalInArea = inside.length;
    const offlineShare = totalInArea === 0 ? 0 : offlineCount / totalInArea;
    if (offlineCount < minOffline || offlineShare < minShare) continue;
    offlineLoginIds.sort((a, b) => a - b);
    suggestions.push({
      polygon: geometry,
      hull,
      bbox: valid.bbox,
      iconPoint: valid.iconPoint,
      areaM2: valid.areaM2,
      offlineCount,
      totalInArea,
      offlineShare,
      firstOfflineAt: new Date(first),
      lastOfflineAt: new Date(last),
      offlineLoginIds,
    });
  }
  return suggestions.sort((a, b) => b.offlineCount - a.offlineCount || a.firstOfflineAt.getTime() - b.firstOfflineAt.getTime());
}
