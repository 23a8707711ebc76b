// The push API's batches (PUT /api/v1/sync/{customers|contracts|logins|invoices}): rows in the import's
// vocabulary (README "Importação do ERP": the CSV columns), as JSON.
import { z } from "zod";

/** Largest batch: a few seconds of writing; bigger pushes split their batches. */
export const MAX_PUSH_ROWS = 1_000;
/** Largest body accepted (1,000 customer rows of ~1 KB, with room). */
export const MAX_PUSH_BODY_BYTES = 4 * 1024 * 1024;

export const pushTableSchema = z.enum(["customers", "contracts", "logins", "invoices"], {
  error: "tabela desconhecida: use customers, contracts, logins ou invoices",
});

/** JSON values become the CSV's text: booleans S/N, numbers as written, null empty, a phone list joined by "|". */
const cell = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]).transform((v) =>
  v === null ? "" : typeof v === "boolean" ? (v ? "S" : "N") : Array.isArray(v) ? v.join("|") : String(v),
);

export const pushBatchSchema = z.object({
  rows: z
    .array(z.record(z.string(), cell), { error: "rows deve ser uma lista de objetos" })
    .min(1, "envie ao menos uma linha")
    .max(MAX_PUSH_ROWS, `no máximo ${MAX_PUSH_ROWS} linhas por lote`),
});
