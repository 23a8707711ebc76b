// The identifiers a caller (the chatbot, the panel) may use to name one customer, shared by the
// diagnostics route (query string) and the render route (JSON body). Each field is validated on its own so
// that a bad value answers 400 naming that very field ("cpf", "phone", ...).
import { z } from "zod";
import { parseDocument } from "./document";
import { normalizePhone, phoneLookupKeys } from "./phone";
import { TECHNOLOGY_VALUES, type TechnologyValue } from "../domain/status-values";

/** Longest login username accepted in a lookup (RADIUS usernames are far shorter). */
const MAX_USERNAME_LENGTH = 120;

/** A database id: a positive 32-bit integer given as a number or a decimal string. */
export const idSchema = z.coerce
  .number({ error: "Informe um número" })
  .int("Informe um número inteiro")
  .positive("Informe um número positivo")
  .max(2_147_483_647, "Número grande demais");

const documentField = z.string().transform((value, ctx) => {
  const parsed = parseDocument(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.digits;
});

const phoneField = z.string().transform((value, ctx) => {
  const parsed = normalizePhone(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return { phone: parsed.phone, keys: phoneLookupKeys(parsed.phone) };
});

const loginField = z
  .string()
  .trim()
  .min(1, "Informe o login")
  .max(MAX_USERNAME_LENGTH, `Login com mais de ${MAX_USERNAME_LENGTH} caracteres`);

const TECHNOLOGY_BY_LOWERCASE = new Map<string, TechnologyValue>(
  Object.values(TECHNOLOGY_VALUES).map((value) => [value.toLowerCase(), value]),
);

/** "Fibra" | "Radio" | "ADSL", any letter case ("fibra", "RADIO"); "Rádio" is read as Radio. */
export const technologySchema = z.string().transform((value, ctx) => {
  const key = value.trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  const found = TECHNOLOGY_BY_LOWERCASE.get(key);
  if (!found) {
    ctx.addIssue({ code: "custom", message: `Tecnologia "${value}" desconhecida: use Fibra, Radio ou ADSL` });
    return z.NEVER;
  }
  return found;
});

/** The identifiers; `cnpj` is an alias of `cpf` (both accept a CPF or a CNPJ). */
export const customerLookupSchema = z.object({
  cpf: documentField.optional(),
  cnpj: documentField.optional(),
  phone: phoneField.optional(),
  login: loginField.optional(),
  customerId: idSchema.optional(),
  contractId: idSchema.optional(),
  expectedTechnology: technologySchema.optional(),
});

export type CustomerLookup = z.infer<typeof customerLookupSchema>;

/** The query-string names read by customerLookupSchema, in the order a disagreement is reported. */
export const LOOKUP_FIELDS = ["customerId", "cpf", "cnpj", "phone", "login"] as const;
export type LookupField = (typeof LOOKUP_FIELDS)[number];

/**
 * Reads the lookup from a URL's query string: empty parameters count as absent; a repeated parameter is
 * refused (two values for one identifier would be a disagreement the caller did not mean).
 */
export function lookupFromSearchParams(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of [...LOOKUP_FIELDS, "contractId", "expectedTechnology"]) {
    const values = params.getAll(name).filter((v) => v.trim() !== "");
    if (values.length > 1) {
      throw new z.ZodError([{ code: "custom", path: [name], message: "informe um único valor", input: values }]);
    }
    if (values[0] !== undefined) out[name] = values[0];
  }
  return out;
}
