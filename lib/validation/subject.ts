import { z } from "zod";
import { idSchema } from "./id";

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

/** PATCH /api/v1/subjects/{id} with only { retired }: retires or restores the subject. */
export const subjectRetireSchema = z.object({ retired: z.boolean() });

/** GET /api/v1/subjects: ?retired=1 includes retired subjects. */
export const subjectsQuerySchema = z.object({ retired: z.string().optional().describe("1 inclui os assuntos aposentados") });

/** POST /api/v1/subjects/preview: a message rendered for a sample customer (nothing is stored). */
export const subjectPreviewSchema = z.object({
  message: z.string().max(2000, "mensagem com no máximo 2.000 caracteres"),
  subjectName: z.string().max(120).default("Manutenção"),
  customerId: idSchema.optional(),
});
