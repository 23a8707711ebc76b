// Root-cause ranking for the FTTH plant: which element's logins went offline together. Pure: the plant index
// and the status feed's recent drops in, ranked elements out.
//
// Rule (docs/topologia.md):
// - a CTO is suspect when at least ROOT_CAUSE_MIN_OFFLINE of its logins went offline inside the window and they
//   are at least minShare of its base — its logins online when the window began (online now + dropped in the
//   window; logins offline since before the window are neither evidence nor base);
// - a PON is suspect when at least minShare of its CTOs that have a base are suspect (and at least two are);
//   an OLT likewise over its PONs;
// - the highest suspect element absorbs its suspect children (a dead PON is one suggestion, not 12 CTOs);
// - ranked by logins dropped, most first.
// Logins on no CTO (radio, other technologies) are ignored here: geometric detection covers them.
import type { ElementKind, TopologyIndex } from "./topology-index";

/** Least drops for a CTO to be suspect: one login going down is a customer's problem, not the plant's. */
export const ROOT_CAUSE_MIN_OFFLINE = 2;
/** Default share of an element's base (or of its children) that must be down: "most of". */
export const ROOT_CAUSE_MIN_SHARE = 0.6;
/** Least suspect children for a PON or OLT to absorb them. */
const MIN_SUSPECT_CHILDREN = 2;

export interface RootCauseInput {
  /** Logins offline now that went offline inside the window, and when (epoch ms, same order). */
  dropIds: Int32Array;
  dropAtMs: Float64Array;
  /** Logins offline since before the window (or with no known change): left out of the base. */
  offlineBeforeIds: Int32Array;
  minShare?: number;
}

export interface RootCause {
  kind: ElementKind;
  id: number;
  name: string;
  /** Logins of the element that went offline inside the window. */
  offlineCount: number;
  /** Logins of the element that were online when the window began. */
  baseCount: number;
  offlineShare: number;
  /** Every login hanging from the element. */
  loginCount: number;
  /** PON/OLT: suspect children out of children with a base. */
  suspectChildren: number | null;
  activeChildren: number | null;
  firstOfflineAt: number;
  lastOfflineAt: number;
  lat: number;
  lng: number;
}

interface Tally { drops: number; base: number; logins: number; first: number; last: number; suspect: number; active: number; lat: number; lng: number }

const emptyTally = (): Tally => ({ drops: 0, base: 0, logins: 0, first: Infinity, last: -Infinity, suspect: 0, active: 0, lat: 0, lng: 0 });

export function rankRootCauses(index: TopologyIndex, input: RootCauseInput): RootCause[] {
  const minShare = input.minShare ?? ROOT_CAUSE_MIN_SHARE;
  const { plant } = index;
  const ctoDrops = new Map<number, { n: number; first: number; last: number }>();
  for (let i = 0; i < input.dropIds.length; i++) {
    const c = index.ctoOfLogin(input.dropIds[i]!);
    if (c < 0) continue;
    const at = input.dropAtMs[i]!;
    const t = ctoDrops.get(c);
    if (t) {
      t.n++;
      if (at < t.first) t.first = at;
      if (at > t.last) t.last = at;
    } else ctoDrops.set(c, { n: 1, first: at, last: at });
  }
  if (ctoDrops.size === 0) return [];
  const offlineBefore = new Map<number, number>();
  for (const id of input.offlineBeforeIds) {
    const c = index.ctoOfLogin(id);
    if (c >= 0) offlineBefore.set(c, (offlineBefore.get(c) ?? 0) + 1);
  }
  const ctoTally = (c: number): Tally => {
    const d = ctoDrops.get(c);
    const logins = index.loginCountOfCto(c);
    return {
      drops: d?.n ?? 0, base: logins - (offlineBefore.get(c) ?? 0), logins, first: d?.first ?? Infinity, last: d?.last ?? -Infinity,
      suspect: 0, active: 0, lat: plant.ctos.lats[c]!, lng: plant.ctos.lngs[c]!,
    };
  };
  const isSuspectCto = (t: Tally) => t.drops >= ROOT_CAUSE_MIN_OFFLINE && t.base > 0 && t.drops / t.base >= minShare;
  const add = (into: Tally, t: Tally, suspect: boolean) => {
    into.drops += t.drops;
    into.base += t.base;
    into.logins += t.logins;
    into.first = Math.min(into.first, t.first);
    into.last = Math.max(into.last, t.last);
    if (t.base > 0) {
      into.active++;
      into.lat += t.lat;
      into.lng += t.lng;
      if (suspect) into.suspect++;
    }
  };
  const isSuspectParent = (t: Tally) => t.suspect >= MIN_SUSPECT_CHILDREN && t.active > 0 && t.suspect / t.active >= minShare;

  const suspectCtos = new Map<number, Tally>();
  for (const c of ctoDrops.keys()) {
    const t = ctoTally(c);
    if (isSuspectCto(t)) suspectCtos.set(c, t);
  }
  // PONs holding a suspect CTO: tally every CTO of theirs.
  const ponTallies = new Map<number, Tally>();
  for (const c of suspectCtos.keys()) {
    const p = index.ponOfCto(c);
    if (p < 0 || ponTallies.has(p)) continue;
    const t = emptyTally();
    for (const child of index.ctosOfPon(p)) {
      const ct = suspectCtos.get(child) ?? ctoTally(child);
      add(t, ct, suspectCtos.has(child));
    }
    ponTallies.set(p, t);
  }
  const suspectPons = new Map([...ponTallies].filter(([, t]) => isSuspectParent(t)));
  const oltTallies = new Map<number, Tally>();
  for (const p of suspectPons.keys()) {
    const o = index.oltOfPon(p);
    if (o < 0 || oltTallies.has(o)) continue;
    const t = emptyTally();
    for (const child of index.ponsOfOlt(o)) {
      let pt = ponTallies.get(child);
      if (!pt) {
        pt = emptyTally();
        for (const c of index.ctosOfPon(child)) add(pt, ctoTally(c), false);
      }
      const centre = { ...pt, lat: pt.active ? pt.lat / pt.active : 0, lng: pt.active ? pt.lng / pt.active : 0 };
      add(t, centre, suspectPons.has(child));
    }
    oltTallies.set(o, t);
  }
  const suspectOlts = new Map([...oltTallies].filter(([, t]) => isSuspectParent(t)));

  const out: RootCause[] = [];
  const emit = (kind: ElementKind, id: number, name: string, t: Tally, children: boolean, lat: number, lng: number) =>
    out.push({
      kind, id, name, offlineCount: t.drops, baseCount: t.base, offlineShare: t.base > 0 ? t.drops / t.base : 0, loginCount: t.logins,
      suspectChildren: children ? t.suspect : null, activeChildren: children ? t.active : null,
      firstOfflineAt: t.first, lastOfflineAt: t.last, lat, lng,
    });
  for (const [o, t] of suspectOlts) {
    const lat = plant.olts.lats[o]!;
    const lng = plant.olts.lngs[o]!;
    const located = Number.isFinite(lat) && Number.isFinite(lng);
    emit("OLT", plant.olts.ids[o]!, plant.olts.names[o]!, t, true, located ? lat : t.lat / t.active, located ? lng : t.lng / t.active);
  }
  for (const [p, t] of suspectPons) {
    if (suspectOlts.has(index.oltOfPon(p))) continue;
    const olt = index.oltOfPon(p);
    const name = `${olt >= 0 ? plant.olts.names[olt] : "OLT"} PON ${plant.pons.labels[p]}`;
    emit("PON", plant.pons.ids[p]!, name, t, true, t.lat / t.active, t.lng / t.active);
  }
  for (const [c, t] of suspectCtos) {
    const p = index.ponOfCto(c);
    if (p >= 0 && (suspectPons.has(p) || suspectOlts.has(index.oltOfPon(p)))) continue;
    emit("CTO", plant.ctos.ids[c]!, plant.ctos.names[c]!, t, false, t.lat, t.lng);
  }
  return out.sort((a, b) => b.offlineCount - a.offlineCount || a.firstOfflineAt - b.firstOfflineAt);
}
