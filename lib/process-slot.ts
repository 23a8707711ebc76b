// State that must be one per server process. Next.js bundles each route (and instrumentation.ts) separately,
// so a module-level `const cache = new Map()` exists once per bundle: what the start-up warm-up fills
// (instrumentation's bundle) is not what a route then reads, and each route builds its own copy. A slot on
// globalThis is shared by every bundle of the process.
const holder = globalThis as unknown as Record<string, unknown>;

/** The process-wide value named `name`, created by `init` the first time any bundle asks. */
export function processSlot<T>(name: string, init: () => T): T {
  const key = `__raioSlot_${name}`;
  if (!(key in holder)) holder[key] = init();
  return holder[key] as T;
}
