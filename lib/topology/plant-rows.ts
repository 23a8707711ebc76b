// Row schemas of the FTTH plant in the import's vocabulary: olts.csv, pons.csv, ctos.csv (docs/topologia.md),
// shared by the CSV import, the push API (PUT /api/v1/sync/olts|pons|ctos) and the IXC connector.
import { z } from "zod";
import { coordinate, optional, required } from "../import/import-erp-folder";

/** Largest CTO capacity accepted (ports). */
export const MAX_CTO_CAPACITY = 1_024;

export const oltRow = z.object({
  external_id: required("external_id"),
  name: required("nome"),
  lat: coordinate(-90, 90, "latitude"),
  lng: coordinate(-180, 180, "longitude"),
});

export const ponRow = z.object({
  external_id: required("external_id"),
  olt_external_id: required("olt_external_id"),
  label: required("label (slot/porta)"),
});

export const ctoRow = z.object({
  external_id: required("external_id"),
  name: required("nome"),
  lat: coordinate(-90, 90, "latitude").refine((v) => v !== null, "latitude obrigatória"),
  lng: coordinate(-180, 180, "longitude").refine((v) => v !== null, "longitude obrigatória"),
  capacity: z.string().transform((v, ctx) => {
    const n = Number(v);
    if (v.trim() === "" || !Number.isInteger(n) || n < 1 || n > MAX_CTO_CAPACITY) {
      ctx.addIssue({ code: "custom", message: `capacidade (portas) inteira de 1 a ${MAX_CTO_CAPACITY}: "${v}"` });
      return z.NEVER;
    }
    return n;
  }),
  pon_external_id: optional,
});

export type OltRow = z.output<typeof oltRow>;
export type PonRow = z.output<typeof ponRow>;
export type CtoRow = z.output<typeof ctoRow>;

export const PLANT_TABLES = ["olts", "pons", "ctos"] as const;
export type PlantTable = (typeof PLANT_TABLES)[number];

export const PLANT_SCHEMAS = { olts: oltRow, pons: ponRow, ctos: ctoRow } as const;

/** Columns that may be left out of the CSV header. */
export const OPTIONAL_PLANT_FILE_COLUMNS = ["lat", "lng", "pon_external_id"];

/** A parsed row with where it came from: the CSV line, or the push batch's 0-based index. */
export interface Located<T> {
  at: number;
  row: T;
}

export interface PlantBatch {
  olts: Located<OltRow>[];
  pons: Located<PonRow>[];
  ctos: Located<CtoRow>[];
  /** Login rows' plant columns (logins.csv / the logins push / the connector). */
  logins: Located<LoginPlant>[];
}

export interface LoginPlant {
  external_id: string;
  cto_external_id: string | null;
  cto_port: number | null;
}

/** A refused row: table, where (line or batch index), external id, field and reason. */
export interface PlantError {
  table: PlantTable | "logins";
  at: number;
  externalId: string;
  field: string;
  message: string;
}
