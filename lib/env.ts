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
