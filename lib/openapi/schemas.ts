// Schemas shared by many entries of the OpenAPI document.
import { z } from "zod";

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe("código estável do erro (VALIDATION, NOT_FOUND, INVALID_TRANSITION, AMBIGUOUS…)"),
      message: z.string().describe("mensagem em português para mostrar a uma pessoa"),
      field: z.string().optional().describe("o campo inválido, quando há um"),
      details: z.record(z.string(), z.unknown()).optional().describe("dados do erro (candidatos de uma busca ambígua, status atual de uma OS…)"),
    }),
  })
  .meta({ id: "Error", description: "Toda resposta de erro. Nada é gravado quando a resposta é de erro." });

/** An answer whose fields are listed in the route's description (not yet a published contract). */
export const jsonObjectSchema = z.looseObject({}).meta({ id: "JsonObject", description: "Objeto JSON; campos na descrição da rota." });
