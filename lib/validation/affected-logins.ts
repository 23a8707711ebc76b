import { z } from "zod";

export const AFFECTED_LOGIN_SORTS = ["username", "customerName", "planName", "technology", "online", "lastSeenAt", "address"] as const;

export const affectedLoginsQuerySchema = z.object({
  q: z.string().trim().max(100, "busca com no máximo 100 caracteres").optional(),
  sort: z.enum(AFFECTED_LOGIN_SORTS, { message: `ordenação aceita: ${AFFECTED_LOGIN_SORTS.join(", ")}` }).default("username"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500, "no máximo 500 por página").default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type AffectedLoginsQuery = z.infer<typeof affectedLoginsQuerySchema>;
