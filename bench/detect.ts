// Benchmark of lib/outages/detectOutages: 100,000 logins around Campinas-SP, 2% offline within the
// window (one neighbourhood outage plus scattered noise), the default parameters (concave hull).
// Run: npx tsx bench/detect.ts   Prints the median detection time; target under one second.
import { detectOutages } from "../lib/outages/detect-outages";
import { generateOutageScenario } from "../tests/support/generate-outage-scenario";
import { median, percentile, sampleMs } from "./lib/stats";

/** Target: one detection over 100,000 logins in under a second (median). */
const TARGET_MS = 1000;
const LOGINS = 100_000;
/** A city of 15 × 15 km: ~450 logins per km², a typical urban ISP footprint. */
const CITY_SIDE_M = 15_000;
/** The outage: a 350 m radius neighbourhood (~170 logins); the rest of the 2% is noise. */
const OUTAGE = { eastM: 2_000, northM: 1_500, radiusM: 350 };
const OFFLINE_SHARE = 0.02;
const WINDOW_MINUTES = 30;
const ITERATIONS = 15;

const now = new Date();
const { logins, outageIds } = generateOutageScenario({
  logins: LOGINS, citySideM: CITY_SIDE_M, outage: OUTAGE, noiseShare: 0, now, windowMinutes: WINDOW_MINUTES, seed: 42,
});
// Noise tops the offline share up to OFFLINE_SHARE overall.
const noiseShare = (OFFLINE_SHARE * LOGINS - outageIds.size) / (LOGINS - outageIds.size);
const scenario = generateOutageScenario({
  logins: LOGINS, citySideM: CITY_SIDE_M, outage: OUTAGE, noiseShare, now, windowMinutes: WINDOW_MINUTES, seed: 42,
});
const offline = scenario.logins.filter((l) => !l.online).length;

let found = 0;
let description = "";
const samples = await sampleMs(() => {
  const suggestions = detectOutages(scenario.logins, now, { windowMinutes: WINDOW_MINUTES });
  found = suggestions.length;
  description = suggestions
    .map((s) => `${s.hull} hull, ${s.offlineCount}/${s.totalInArea} offline (${(s.offlineShare * 100).toFixed(0)}%), ${Math.round(s.areaM2)} m²`)
    .join("; ");
}, { iterations: ITERATIONS, warmup: 2 });
const med = median(samples);
console.log(`detectOutages: ${LOGINS.toLocaleString("en")} logins, ${offline} offline (${((offline / LOGINS) * 100).toFixed(1)}%), outage of ${scenario.outageIds.size}`);
console.log(`  suggestions: ${found}${description ? ` — ${description}` : ""}`);
console.log(`  median ${med.toFixed(1)} ms, p90 ${percentile(samples, 90).toFixed(1)} ms over ${samples.length} runs (target < ${TARGET_MS} ms)`);
const pass = med < TARGET_MS && found === 1;
console.log(pass ? "PASS" : "FAIL");
process.exitCode = pass ? 0 : 1;
