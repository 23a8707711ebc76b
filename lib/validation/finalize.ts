import { z } from "zod";
import { idSchema } from "./id";

const instant = z.coerce.date({ error: "data/hora inválida (ISO 8601)" });

/** A line of the finalize form: a proposed discount excluded or changed, always with a reason. */
export const discountAdjustmentSchema = z
  .object({
    contractId: idSchema,
    amountCents: z.number().int("valor em centavos inteiros").min(0, "valor não pode ser negativo").max(100_000_00, "valor acima de R$ 100.000,00").optional(),
    excluded: z.boolean().optional(),
    reason: z.string().trim().max(500, "motivo com no máximo 500 caracteres").optional(),
  })
  .refine((l) => !(l.amountCents !== undefined || l.excluded) || (l.reason && l.reason.length >= 3), {
    message: "informe o motivo da alteração ou exclusão",
    path: ["reason"],
  });

export const proposeDiscountsSchema = z.object({
  interruptionStart: instant.optional(),
  interruptionEnd: instant.optional(),
});

export const finalizeWithDiscountsSchema = proposeDiscountsSchema.extend({
  adjustments: z.array(discountAdjustmentSchema).max(100_000).default([]),
  note: z.string().trim().max(2000).optional(),
});
export type FinalizeWithDiscountsInput = z.infer<typeof finalizeWithDiscountsSchema>;
