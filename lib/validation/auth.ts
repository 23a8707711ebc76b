import { z } from "zod";

/** POST /api/v1/auth/login: two short strings (bounded so a login cannot carry a large body). */
export const loginInputSchema = z.object({
  email: z.string().trim().email("e-mail inválido").max(254, "e-mail longo demais"),
  password: z.string().min(1, "informe a senha").max(1024, "senha longa demais"),
});
