import { z } from "zod";

export const subjectInputSchema = z.object({
  name: z.string().trim().min(3, "nome com ao menos 3 letras").max(120, "no máximo 120 caracteres"),
  maintenanceMessage: z
    .string()
    .trim()
    .max(2000, "mensagem com no máximo 2.000 caracteres")
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  isMaintenance: z.boolean().default(false),
  discountRule: z.enum(["ANATEL_RQUAL", "IXC"]).nullable().default(null),
});
export type SubjectInput = z.infer<typeof subjectInputSchema>;
export const subjectPatchSchema = subjectInputSchema.partial();
