// The security headers every answer carries (set by proxy.ts), and the page's Content-Security-Policy.
//
// CSP choices:
// - scripts: only the app's own files and inline scripts carrying this request's nonce (Next puts it on
//   its own scripts, read from the CSP request header); 'strict-dynamic' lets those load the chunks they
//   need. No 'unsafe-inline' for scripts: an injected <script> or onerror= attribute does not run.
// - styles: 'self' 'unsafe-inline'. React renders `style={…}` as style attributes in the server HTML, and
//   Leaflet/Geoman write style attributes and inline styles while drawing; a nonce cannot cover attributes
//   (and would switch 'unsafe-inline' off). Inline CSS cannot run script; the remaining risk (CSS-based
//   page defacement) is bounded because outside strings are rendered as text, never as HTML.
// - images: the app, data:/blob: (Leaflet's icons and Geoman's), and the map tile server taken from
//   RAIO_TILE_URL at run time (a {s} subdomain placeholder becomes a wildcard).
// - frame-ancestors 'none': no other site can frame the app (clickjacking); X-Frame-Options for old browsers.

export interface CspOptions {
  nonce: string;
  /** RAIO_TILE_URL (a Leaflet URL template) or "" for no tiles. */
  tileUrl: string;
  /** `next dev` needs eval for React's debugging aids (never in production). */
  dev: boolean;
}

/** The origin a tile URL template loads from, as a CSP source ("https://*.tile.example.org"), or null. */
export function tileSource(tileUrl: string): string | null {
  const m = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!m) return null;
  const host = m[2]!.replace(/\{[^}]*\}/g, "*");
  // CSP allows a wildcard only as the leftmost label.
  if (/\*/.test(host.replace(/^\*\./, ""))) return `${m[1]}:`;
  return `${m[1]!.toLowerCase()}://${host.toLowerCase()}`;
}

export function contentSecurityPolicy({ nonce, tileUrl, dev }: CspOptions): string {
  const tiles = tileSource(tileUrl);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For API answers: nothing may load from JSON/CSV, and nothing may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers set on every answer, pages and API alike. */
export const COMMON_SECURITY_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // Tile servers (OpenStreetMap's policy) want to know the referring site, never the page's path.
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
  "cross-origin-opener-policy": "same-origin",
};
