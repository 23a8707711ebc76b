// The status page logo's size limit, on its own so the settings panel (a client component) can show it without
// bundling zod: zod's schema compiler probes `Function("")`, which the strict CSP reports as an eval violation.
export const MAX_LOGO_BYTES = 64 * 1024;
