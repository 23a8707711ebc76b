import { z } from "zod";

/** POST /api/v1/auth/login. */
export const loginInputSchema = z.object({
  email: z.string().trim().email("e-mail inválido"),
  password: z.string().min(1, "informe a senha"),
});
