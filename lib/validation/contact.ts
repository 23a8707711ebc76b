import { z } from "zod";
import { customerLookupSchema } from "./customer-lookup";

export const CONTACT_CHANNELS = ["whatsapp", "telefone", "chat", "email", "instagram", "facebook", "telegram", "outro"] as const;

/** POST /api/v1/contacts: who (cpf or phone; customerId after an ambiguity), through which channel, what they wrote. */
export const contactInputSchema = z
  .object({
    cpf: customerLookupSchema.shape.cpf,
    cnpj: customerLookupSchema.shape.cnpj,
    phone: customerLookupSchema.shape.phone,
    customerId: customerLookupSchema.shape.customerId,
    channel: z.enum(CONTACT_CHANNELS, { message: `canal aceito: ${CONTACT_CHANNELS.join(", ")}` }),
    text: z.string().max(4000, "texto com no máximo 4.000 caracteres").optional(),
  })
  .refine((v) => v.cpf !== undefined || v.cnpj !== undefined || v.phone !== undefined || v.customerId !== undefined, {
    message: "informe o CPF/CNPJ ou o telefone do cliente",
    path: ["cpf"],
  });
export type ContactInput = z.infer<typeof contactInputSchema>;
