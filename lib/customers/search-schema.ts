// GET /api/v1/customers query: the agent's search box (and filters for lists).
import { z } from "zod";
import { ACCESS_STATUS_VALUES, type AccessStatus } from "../domain/status-values";

const ACCESS_STATUSES = Object.keys(ACCESS_STATUS_VALUES) as [AccessStatus, ...AccessStatus[]];

/** Rows per page of the search box: a screenful. */
export const SEARCH_PAGE_SIZE = 20;
/** Longest page size a caller may ask for. */
export const MAX_SEARCH_PAGE_SIZE = 100;

export const customerSearchSchema = z.object({
  q: z.string().max(200, "Busca com mais de 200 caracteres").default(""),
  page: z.coerce.number().int("Página inválida").min(1, "Página mínima é 1").max(10_000, "Página grande demais").default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_SEARCH_PAGE_SIZE).default(SEARCH_PAGE_SIZE),
  // Comma-separated access statuses ("BLOQUEADO,FINANCEIRO_EM_ATRASO"): customers with a contract in one of them.
  accessStatus: z
    .string()
    .transform((value) => value.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean))
    .pipe(z.array(z.enum(ACCESS_STATUSES, { error: "Status de acesso desconhecido" })))
    .optional(),
});

export type CustomerSearch = z.infer<typeof customerSearchSchema>;
