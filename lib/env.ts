// Environment, validated once with zod. Every setting has a documented default.
import { z } from "zod";
import { DEFAULT_TIME_ZONE, isValidTimeZone } from "./format/time-zone";

const envSchema = z.object({
  // Unset: embedded PGlite in RAIO_DATA_DIR. Set: a PostgreSQL server.
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === "" ? undefined : v))
    .refine((v) => v === undefined || /^postgres(ql)?:\/\/[^\s]+$/.test(v), {
      message: "DATABASE_URL deve começar com postgresql:// (ou deixe vazia para usar o banco embutido PGlite)",
    })
    .refine(
      (v) => {
        if (v === undefined) return true;
        try {
          const u = new URL(v);
          return u.hostname !== "" && u.pathname.length > 1;
        } catch {
          return false;
        }
      },
      { message: "DATABASE_URL malformada: esperado postgresql://usuario:senha@host:porta/banco" },
    ),
  // Where the embedded database lives; "memory://" keeps it in memory (tests).
  RAIO_DATA_DIR: z.string().default("./data/pglite"),
  // Leaflet tile URL template, read at run time; empty = no tile layer (the map still works).
  RAIO_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  // Attribution shown with the tiles.
  RAIO_TILE_ATTRIBUTION: z.string().default("&copy; colaboradores do OpenStreetMap"),
  // The ISP's time zone (IANA name) for every date and time shown, typed or grouped by day; default São Paulo.
  RAIO_TIME_ZONE: z
    .string()
    .optional()
    .transform((v) => v || DEFAULT_TIME_ZONE)
    .refine(isValidTimeZone, { message: "RAIO_TIME_ZONE: fuso horário desconhecido (use um nome IANA, ex.: America/Manaus)" }),
  // Session lifetime in hours (default 12 h: one working shift).
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  // Other origins (scheme://host[:port], comma-separated) whose pages may send cookie-authenticated writes,
  // e.g. the public address a reverse proxy serves when it rewrites Host. Empty: only the app's own origin.
  RAIO_ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((o) => o.trim().replace(/\/+$/, "").toLowerCase()).filter(Boolean)),
  // "1"/"true": trust X-Forwarded-For / X-Forwarded-Host / X-Forwarded-Proto from a reverse proxy in front of
  // the app (client IP for rate limits, own origin, Secure cookies). Leave off when clients reach the app directly.
  RAIO_TRUST_PROXY: z
    .string()
    .default("")
    .transform((v) => ["1", "true", "sim", "yes"].includes(v.trim().toLowerCase())),
  // Login throttling: failures allowed per IP and per account in the window before a 429 (default 10 and 5
  // per 15 min); each failure beyond doubles the wait, up to RAIO_LOGIN_MAX_LOCK_S (default 15 min).
  RAIO_LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(10),
  RAIO_LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  RAIO_LOGIN_WINDOW_S: z.coerce.number().int().min(1).default(900),
  RAIO_LOGIN_MAX_LOCK_S: z.coerce.number().int().min(1).default(900),
  // API requests per API token per minute, per server process (0 = no limit). Default 1,200 (20/s).
  RAIO_API_RATE_LIMIT_PER_MIN: z.coerce.number().int().min(0).default(1200),
  // Public status page (/status): how often each process checks whether its in-memory copy of the page's data
  // is stale (one small query per interval, whatever the traffic; default 5 s), subscriptions accepted per
  // client IP per hour and per process (default 10), and the public address put in confirmation and
  // unsubscribe links (default: the address the request came to; set it behind a proxy).
  RAIO_STATUS_REFRESH_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  RAIO_STATUS_SUBSCRIBE_PER_HOUR: z.coerce.number().int().min(1).default(10),
  RAIO_PUBLIC_URL: z
    .string()
    .default("")
    .refine((v) => v === "" || /^https?:\/\/[^/?#\s]+\/?$/i.test(v), "RAIO_PUBLIC_URL deve ser http(s)://host[:porta], sem caminho")
    .transform((v) => v.replace(/\/+$/, "")),
  // How far ahead of the server clock a login status event's "at" may be (default 300 s: feeds whose clocks
  // drift a little still work; an event dated in the future would otherwise outrank every real one).
  RAIO_STATUS_MAX_SKEW_SECONDS: z.coerce.number().int("RAIO_STATUS_MAX_SKEW_SECONDS deve ser um inteiro de segundos").min(0, "RAIO_STATUS_MAX_SKEW_SECONDS deve ser ≥ 0").default(300),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Configuração inválida em ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? ""}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change the environment between backends; this forgets the cached copy. */
export function resetEnvCache(): void {
  cached = undefined;
}
