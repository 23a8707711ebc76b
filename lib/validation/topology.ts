// The FTTH plant's request schemas: an element reference, the order for an element, a paged element login list.
import { z } from "zod";
import "./zod-locale";
import { idSchema } from "./id";
import { fromSuggestionSchema, orderFieldsSchema } from "./order";

export const elementKindSchema = z.enum(["CTO", "PON", "OLT"], { error: "tipo de equipamento: use CTO, PON ou OLT" });

/** Route params `{ kind, id }` (kind case-insensitive in the URL). */
export const elementParamsSchema = z.object({
  kind: z.string().transform((v) => v.toUpperCase()).pipe(elementKindSchema),
  id: idSchema,
});

/** POST /api/v1/topology/orders: "Criar OS para este equipamento". */
export const createEquipmentOrderSchema = orderFieldsSchema.extend({
  element: z.object({ kind: elementKindSchema, id: idSchema }, { error: "informe o equipamento: { kind, id }" }),
  /** Made from a root-cause suggestion: its dropped logins (the same guard as a geometric suggestion). */
  fromSuggestion: fromSuggestionSchema.optional(),
});

/** GET /api/v1/topology/ctos?bbox=minLng,minLat,maxLng,maxLat */
export const ctoLayerQuerySchema = z.object({
  bbox: z
    .string({ error: "informe bbox=minLng,minLat,maxLng,maxLat" })
    .transform((v, ctx) => {
      const n = v.split(",").map(Number);
      if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || n[0]! > n[2]! || n[1]! > n[3]!) {
        ctx.addIssue({ code: "custom", message: `bbox inválido: "${v}" (minLng,minLat,maxLng,maxLat)` });
        return z.NEVER;
      }
      return n as [number, number, number, number];
    }),
});
