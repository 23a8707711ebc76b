import { z } from "zod";
import { customerLookupSchema } from "./customer-lookup";

/** Longest template accepted (a chatbot message, not a document). */
const MAX_TEMPLATE_LENGTH = 10_000;

/** POST /api/v1/render: the customer (as in the diagnostics) and the {{variavel}} template. */
export const renderInputSchema = customerLookupSchema.extend({
  template: z
    .string({ error: "Informe o template" })
    .max(MAX_TEMPLATE_LENGTH, `Template com mais de ${MAX_TEMPLATE_LENGTH} caracteres`),
});
