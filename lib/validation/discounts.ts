import { z } from "zod";
import { idSchema } from "./id";

export const listDiscountsQuerySchema = z.object({
  orderId: idSchema.optional(),
  // "2026-11": discounts applied in that month (São Paulo time).
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "mês no formato AAAA-MM").optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
export type ListDiscountsQuery = z.infer<typeof listDiscountsQuerySchema>;
