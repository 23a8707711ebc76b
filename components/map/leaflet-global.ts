// Leaflet plugins (geoman) extend a global `L`, which Leaflet's ES build does not set,
// and a bundler may evaluate a plugin before the module that sets it. So Leaflet and the plugins are
// imported dynamically, in order, in the browser only — and before any map is created (geoman hooks
// L.Map's initialisation).
let loading: Promise<void> | undefined;

export function loadLeafletPlugins(): Promise<void> {
  loading ??= (async () => {
    const L = (await import("leaflet")).default;
    (globalThis as unknown as { L: typeof L }).L = L;
    await import("@geoman-io/leaflet-geoman-free");
  })();
  return loading;
}
