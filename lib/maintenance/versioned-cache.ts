// An in-memory value rebuilt when its version stamp in the database moves. The stamp is read once per
// call (one indexed single-row query), so every app instance sees a change on its next request; a caller
// that already read the stamps in the same round trip as its own data passes them (no extra query).
// Concurrent callers share one rebuild, unless it started from an older version than they saw.
import { dbGeneration } from "../db";
import { readGeoVersions, type GeoVersions } from "./geo-version";

/** A stamp's name, or a monotone function of the stamps (a value that depends on two of them). */
type Stamp = keyof GeoVersions | ((versions: GeoVersions) => bigint);

interface Entry<T> {
  version: bigint;
  value: T;
}

export function createVersionedCache<T>(
  name: string,
  stamp: Stamp,
  load: () => Promise<T>,
): (known?: GeoVersions) => Promise<T> {
  const key = `__raioCache_${name}`;
  const holder = globalThis as unknown as Record<string, { current?: Entry<T>; loading?: { version: bigint; promise: Promise<Entry<T>> } }>;
  holder[key] ??= {};
  const slot = holder[key];

  return async function get(known?: GeoVersions): Promise<T> {
    // The stamp is prefixed by the database generation (tests open several databases in one process).
    const versions = known ?? (await readGeoVersions());
    const version = (BigInt(dbGeneration()) << 48n) + (typeof stamp === "function" ? stamp(versions) : versions[stamp]);
    if (slot.current && slot.current.version === version) return slot.current.value;
    let loading = slot.loading;
    if (!loading || loading.version < version) {
      const promise = load().then((value) => ({ version, value }));
      const mine = { version, promise };
      loading = mine;
      slot.loading = mine;
      promise.then(
        () => { if (slot.loading === mine) slot.loading = undefined; },
        () => { if (slot.loading === mine) slot.loading = undefined; },
      );
    }
    const entry = await loading.promise;
    if (!slot.current || slot.current.version <= entry.version) slot.current = entry;
    return entry.value;
  };
}
