import { z } from "zod";

/** A token's own limit: requests per minute per server process; null = the server's default; 0 = no limit. */
export const tokenRateLimitSchema = z
  .number({ error: "informe um número inteiro de requisições por minuto, ou deixe vazio para usar o padrão" })
  .int("informe um número inteiro de requisições por minuto")
  .min(0, "o limite não pode ser negativo (0 = sem limite)")
  .max(1_000_000, "no máximo 1.000.000 de requisições por minuto")
  .nullable();

export const createTokenSchema = z.object({
  name: z.string().trim().min(3, "o nome precisa de ao menos 3 letras").max(80, "no máximo 80 caracteres"),
  role: z.enum(["ADMIN", "AGENT", "MANAGER"]).default("AGENT"),
  rateLimitPerMin: tokenRateLimitSchema.default(null),
});

export const updateTokenSchema = z.object({ rateLimitPerMin: tokenRateLimitSchema });
