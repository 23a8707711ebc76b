// The synthetic logins and maintenance regions of bench:geo (also measured by bench:scale): logins clustered
// around Campinas-SP and three regions (12 vertices, 1,000 vertices, one with a hole). Deterministic.
import { CAMPINAS, gaussian, seededRandom, starRing, wobblyRing } from "../../tests/support/test-shapes";
import type { AreaGeometry } from "../../lib/geo/types";

/** Spread of the logins around the city centre (degrees; ~5.5 km standard deviation). */
const LOGIN_SIGMA_DEG = 0.05;
const SEED = 20261123;

export interface GeoFixtures {
  ids: Int32Array;
  lngs: Float64Array;
  lats: Float64Array;
  polygons: { name: string; geometry: AreaGeometry }[];
  /** The generator, left where the fixtures stopped (callers draw more from it). */
  rand: () => number;
}

export function makeGeoFixtures(n: number): GeoFixtures {
  const rand = seededRandom(SEED);
  const ids = new Int32Array(n);
  const lngs = new Float64Array(n);
  const lats = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    ids[i] = i + 1;
    lngs[i] = CAMPINAS[0] + gaussian(rand) * LOGIN_SIGMA_DEG;
    lats[i] = CAMPINAS[1] + gaussian(rand) * LOGIN_SIGMA_DEG;
  }
  const polygons: { name: string; geometry: AreaGeometry }[] = [
    { name: "12 vértices", geometry: { type: "Polygon", coordinates: [starRing(rand, CAMPINAS, 12, 0.04, 0.7, false)] } },
    { name: "1.000 vértices", geometry: { type: "Polygon", coordinates: [wobblyRing(rand, CAMPINAS, 1000, 0.04)] } },
    {
      name: "com buraco (40+16)",
      geometry: {
        type: "Polygon",
        coordinates: [starRing(rand, CAMPINAS, 40, 0.05, 0.8, false), starRing(rand, CAMPINAS, 16, 0.015, 0.8, false).reverse()],
      },
    },
  ];
  return { ids, lngs, lats, polygons, rand };
}
