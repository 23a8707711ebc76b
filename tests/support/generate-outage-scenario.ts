// Generated outages for tests and the benchmark: logins spread uniformly over a square city, one
// neighbourhood (a disc) offline, and random offline noise elsewhere. Seeded, so a failure reproduces.
import { CAMPINAS, seededRandom } from "./test-shapes";
import type { DetectionLogin } from "../../lib/outages/detect-outages";

const METERS_PER_DEGREE = 111_320;

export interface OutageScenarioOptions {
  /** Total logins. */
  logins: number;
  /** Side of the square city, metres. */
  citySideM: number;
  /** Centre of the city [lng, lat] (default Campinas). */
  center?: [number, number];
  /** Outage disc: centre offset from the city centre (metres, east/north) and radius (metres). */
  outage: { eastM: number; northM: number; radiusM: number } | null;
  /** Share of the other logins offline at random within the window (scattered noise). */
  noiseShare: number;
  /** Share of the other logins offline since long before the window. */
  staleShare?: number;
  now: Date;
  windowMinutes: number;
  seed?: number;
}

export interface OutageScenario {
  logins: DetectionLogin[];
  /** Ids of the logins taken down by the outage. */
  outageIds: Set<number>;
  /** Ids of the noise logins (offline within the window, outside the outage). */
  noiseIds: Set<number>;
}

export function generateOutageScenario(opts: OutageScenarioOptions): OutageScenario {
  const rand = seededRandom(opts.seed ?? 1);
  const [lng0, lat0] = opts.center ?? CAMPINAS;
  const kx = METERS_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180);
  const nowMs = opts.now.getTime();
  const windowMs = opts.windowMinutes * 60_000;
  const logins: DetectionLogin[] = [];
  const outageIds = new Set<number>();
  const noiseIds = new Set<number>();
  for (let id = 1; id <= opts.logins; id++) {
    const x = (rand() - 0.5) * opts.citySideM;
    const y = (rand() - 0.5) * opts.citySideM;
    const lng = lng0 + x / kx;
    const lat = lat0 + y / METERS_PER_DEGREE;
    const o = opts.outage;
    const inOutage = o !== null && (x - o.eastM) ** 2 + (y - o.northM) ** 2 <= o.radiusM ** 2;
    if (inOutage) {
      outageIds.add(id);
      // An outage takes its logins down within a few minutes of each other, inside the window.
      logins.push({ id, lng, lat, online: false, statusChangedAt: new Date(nowMs - windowMs / 2 + rand() * 5 * 60_000) });
      continue;
    }
    const r = rand();
    if (r < opts.noiseShare) {
      noiseIds.add(id);
      logins.push({ id, lng, lat, online: false, statusChangedAt: new Date(nowMs - rand() * windowMs) });
    } else if (r < opts.noiseShare + (opts.staleShare ?? 0)) {
      logins.push({ id, lng, lat, online: false, statusChangedAt: new Date(nowMs - windowMs - 86_400_000 * (1 + rand() * 30)) });
    } else {
      logins.push({ id, lng, lat, online: true, statusChangedAt: new Date(nowMs - 86_400_000 * rand()) });
    }
  }
  return { logins, outageIds, noiseIds };
}
