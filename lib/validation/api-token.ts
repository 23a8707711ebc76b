import { z } from "zod";

export const createTokenSchema = z.object({
  name: z.string().trim().min(3, "o nome precisa de ao menos 3 letras").max(80, "no máximo 80 caracteres"),
  role: z.enum(["ADMIN", "AGENT", "MANAGER"]).default("AGENT"),
});
