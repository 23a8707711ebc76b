// A demo FTTH plant over given fibre logins (pure): logins are walked in Z-order of ~100 m cells, so
// consecutive logins are neighbours; each run of neighbours fills one CTO (8 or 16 ports, 60–100 % used,
// placed at its logins' centre); consecutive CTOs make a PON of ~64–128 logins, and consecutive PONs an OLT
// of 8–16 PONs. The seed (seed-plant.ts) and the topology benchmark share it.

export interface PlantPlan {
  olts: { name: string; lat: number; lng: number }[];
  pons: { olt: number; label: string }[];
  ctos: { name: string; lat: number; lng: number; capacity: number; pon: number }[];
  /** Per input login: its CTO (index into ctos) and port. */
  loginCto: Int32Array;
  loginPort: Int32Array;
}

export interface PlantShape {
  /** CTO capacities to pick from. */
  capacities: readonly number[];
  /** Share of a CTO's ports in use: [min, max]. */
  fill: readonly [number, number];
  /** Logins per PON: [min, max]. */
  ponLogins: readonly [number, number];
  /** PONs per OLT: [min, max]. */
  oltPons: readonly [number, number];
}

/** Typical access networks: CTOs of 8 or 16 ports, PON ports of 64–128 customers, OLTs of 8–16 PONs. */
export const DEMO_PLANT_SHAPE: PlantShape = { capacities: [8, 16], fill: [0.6, 1], ponLogins: [64, 128], oltPons: [8, 16] };

/** Z-order cell size in degrees (~100 m). */
const CELL_DEG = 0.001;

function morton(x: number, y: number): number {
  let key = 0;
  for (let b = 15; b >= 0; b--) key = key * 4 + (((y >> b) & 1) << 1) + ((x >> b) & 1);
  return key;
}

export function generatePlant(lngs: Float64Array, lats: Float64Array, rng: () => number, shape: PlantShape = DEMO_PLANT_SHAPE): PlantPlan {
  const n = lngs.length;
  let minLng = Infinity;
  let minLat = Infinity;
  for (let i = 0; i < n; i++) {
    if (lngs[i]! < minLng) minLng = lngs[i]!;
    if (lats[i]! < minLat) minLat = lats[i]!;
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = morton(Math.floor((lngs[i]! - minLng) / CELL_DEG) & 0xffff, Math.floor((lats[i]! - minLat) / CELL_DEG) & 0xffff);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
  const between = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

  const plan: PlantPlan = { olts: [], pons: [], ctos: [], loginCto: new Int32Array(n), loginPort: new Int32Array(n) };
  let ponTarget = 0;
  let ponFilled = Infinity;
  let oltTarget = 0;
  let oltFilled = Infinity;
  for (let at = 0; at < n; ) {
    if (ponFilled >= ponTarget) {
      if (oltFilled >= oltTarget) {
        plan.olts.push({ name: `OLT ${String(plan.olts.length + 1).padStart(2, "0")}`, lat: 0, lng: 0 });
        oltTarget = between(shape.oltPons[0], shape.oltPons[1]);
        oltFilled = 0;
      }
      const olt = plan.olts.length - 1;
      plan.pons.push({ olt, label: `0/${1 + Math.floor(oltFilled / 16)}/${1 + (oltFilled % 16)}` });
      oltFilled++;
      ponTarget = between(shape.ponLogins[0], shape.ponLogins[1]);
      ponFilled = 0;
    }
    const capacity = shape.capacities[Math.floor(rng() * shape.capacities.length)]!;
    const used = Math.min(n - at, Math.max(1, Math.round(capacity * (shape.fill[0] + rng() * (shape.fill[1] - shape.fill[0])))));
    const cto = plan.ctos.length;
    let lat = 0;
    let lng = 0;
    for (let k = 0; k < used; k++) {
      const i = order[at + k]!;
      plan.loginCto[i] = cto;
      plan.loginPort[i] = k + 1;
      lat += lats[i]!;
      lng += lngs[i]!;
    }
    plan.ctos.push({ name: `CTO ${String(cto + 1).padStart(5, "0")}`, lat: lat / used, lng: lng / used, capacity, pon: plan.pons.length - 1 });
    at += used;
    ponFilled += used;
  }
  // Each OLT sits at the centre of its CTOs (a rough stand-in for the POP).
  const sums = plan.olts.map(() => ({ lat: 0, lng: 0, n: 0 }));
  for (const c of plan.ctos) {
    const s = sums[plan.pons[c.pon]!.olt]!;
    s.lat += c.lat;
    s.lng += c.lng;
    s.n++;
  }
  plan.olts.forEach((o, i) => {
    const s = sums[i]!;
    o.lat = s.n ? s.lat / s.n : 0;
    o.lng = s.n ? s.lng / s.n : 0;
  });
  return plan;
}
