// The FTTH plant in memory: OLT → PON → CTO → logins as compressed adjacency arrays (typed arrays, one
// allocation per level), so an element's logins are a slice or a concatenation of slices — microseconds at a
// million logins — and a login's CTO is one array read. Pure: built from plain arrays, no I/O.

export type ElementKind = "OLT" | "PON" | "CTO";

export interface PlantArrays {
  olts: { ids: Int32Array; names: string[]; lats: Float64Array; lngs: Float64Array };
  /** PON ports: database id, OLT id, label. */
  pons: { ids: Int32Array; oltIds: Int32Array; labels: string[] };
  /** CTOs: id, PON id (0 = none), capacity, location, name. */
  ctos: { ids: Int32Array; ponIds: Int32Array; capacities: Int32Array; lats: Float64Array; lngs: Float64Array; names: string[] };
  /** Logins hanging from a CTO: login id and CTO id, any order. */
  logins: { ids: Int32Array; ctoIds: Int32Array };
}

export interface TopologyIndex {
  readonly plant: PlantArrays;
  /** Dense index of an element (position in its arrays), or -1. */
  indexOf(kind: ElementKind, id: number): number;
  /** The logins of an element, ascending ids (a fresh array). */
  loginsOf(kind: ElementKind, id: number): Int32Array;
  /** Dense CTO index of a login, or -1 (not on the plant). */
  ctoOfLogin(loginId: number): number;
  /** Dense PON index of a CTO (-1: none) and dense OLT index of a PON. */
  ponOfCto(cto: number): number;
  oltOfPon(pon: number): number;
  /** Children, as dense indexes. */
  ctosOfPon(pon: number): Int32Array;
  ponsOfOlt(olt: number): Int32Array;
  /** How many logins hang from a CTO (dense index). */
  loginCountOfCto(cto: number): number;
  /** Every login on the plant (the base of the root-cause shares). */
  readonly loginCount: number;
}

/** Compressed adjacency: for parent p, children are items[start[p] .. start[p+1]). */
function group(parentOf: Int32Array, parents: number): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(parents + 1);
  for (let i = 0; i < parentOf.length; i++) if (parentOf[i]! >= 0) start[parentOf[i]! + 1]!++;
  for (let p = 0; p < parents; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, parents);
  const items = new Int32Array(start[parents]!);
  for (let i = 0; i < parentOf.length; i++) {
    const p = parentOf[i]!;
    if (p >= 0) items[fill[p]!++] = i;
  }
  return { start, items };
}

function positions(ids: Int32Array): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) m.set(ids[i]!, i);
  return m;
}

export function buildTopologyIndex(plant: PlantArrays): TopologyIndex {
  const oltPos = positions(plant.olts.ids);
  const ponPos = positions(plant.pons.ids);
  const ctoPos = positions(plant.ctos.ids);
  const ponOlt = Int32Array.from(plant.pons.oltIds, (id) => oltPos.get(id) ?? -1);
  const ctoPon = Int32Array.from(plant.ctos.ponIds, (id) => ponPos.get(id) ?? -1);
  let maxLogin = 0;
  for (const id of plant.logins.ids) if (id > maxLogin) maxLogin = id;
  // Login id → dense CTO index: a flat array (4 bytes per login id) beats a Map by an order of magnitude.
  const loginCto = new Int32Array(maxLogin + 1).fill(-1);
  const loginCtoIdx = new Int32Array(plant.logins.ids.length);
  for (let i = 0; i < plant.logins.ids.length; i++) {
    const c = ctoPos.get(plant.logins.ctoIds[i]!) ?? -1;
    loginCtoIdx[i] = c;
    loginCto[plant.logins.ids[i]!] = c;
  }
  const ctoLogins = group(loginCtoIdx, plant.ctos.ids.length);
  // Children lists hold positions in plant.logins: replace them by login ids, ascending per CTO.
  const ctoLoginIds = new Int32Array(ctoLogins.items.length);
  for (let c = 0; c < plant.ctos.ids.length; c++) {
    const from = ctoLogins.start[c]!;
    const to = ctoLogins.start[c + 1]!;
    for (let k = from; k < to; k++) ctoLoginIds[k] = plant.logins.ids[ctoLogins.items[k]!]!;
    ctoLoginIds.subarray(from, to).sort();
  }
  const ponCtos = group(ctoPon, plant.pons.ids.length);
  const oltPons = group(ponOlt, plant.olts.ids.length);

  const ctosOfPon = (p: number) => ponCtos.items.subarray(ponCtos.start[p]!, ponCtos.start[p + 1]!);
  const ponsOfOlt = (o: number) => oltPons.items.subarray(oltPons.start[o]!, oltPons.start[o + 1]!);
  const ctoSlice = (c: number) => ctoLoginIds.subarray(ctoLogins.start[c]!, ctoLogins.start[c + 1]!);
  const concat = (ctos: Iterable<number>) => {
    const parts: Int32Array[] = [];
    let n = 0;
    for (const c of ctos) {
      const s = ctoSlice(c);
      parts.push(s);
      n += s.length;
    }
    const out = new Int32Array(n);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out.sort();
  };
  const indexOf = (kind: ElementKind, id: number) => (kind === "OLT" ? oltPos : kind === "PON" ? ponPos : ctoPos).get(id) ?? -1;

  return {
    plant,
    indexOf,
    loginsOf(kind, id) {
      const i = indexOf(kind, id);
      if (i < 0) return new Int32Array(0);
      if (kind === "CTO") return ctoSlice(i).slice();
      if (kind === "PON") return concat(ctosOfPon(i));
      const ctos: number[] = [];
      for (const p of ponsOfOlt(i)) for (const c of ctosOfPon(p)) ctos.push(c);
      return concat(ctos);
    },
    ctoOfLogin: (loginId) => (loginId >= 0 && loginId < loginCto.length ? loginCto[loginId]! : -1),
    ponOfCto: (c) => ctoPon[c] ?? -1,
    oltOfPon: (p) => ponOlt[p] ?? -1,
    ctosOfPon,
    ponsOfOlt,
    loginCountOfCto: (c) => ctoLogins.start[c + 1]! - ctoLogins.start[c]!,
    loginCount: ctoLoginIds.length,
  };
}
