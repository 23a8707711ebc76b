// PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one fails in the database
// (error 22021) instead of at the boundary. Every JSON body and query string is checked here once, so
// each route answers 400 naming the field instead of a 500.
import { badRequest } from "../errors";

const NUL = "\u0000";

function nulError(field: string) {
  return badRequest(`Campo ${field}: contém o caractere nulo (NUL), que não é aceito.`, field);
}

/** Throws 400 naming the first field (dotted path) whose key or string value holds a NUL. */
export function rejectNulInJson(value: unknown, path = ""): void {
  if (typeof value === "string") {
    if (value.includes(NUL)) throw nulError(path || "corpo");
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => rejectNulInJson(v, path ? `${path}.${i}` : String(i)));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const field = path ? `${path}.${k}` : k;
      if (k.includes(NUL)) throw nulError(field.replaceAll(NUL, "\\0"));
      rejectNulInJson(v, field);
    }
  }
}

/** Throws 400 naming the first query parameter whose name or value holds a NUL. */
export function rejectNulInSearchParams(params: URLSearchParams): void {
  for (const [name, value] of params) {
    if (name.includes(NUL) || value.includes(NUL)) throw nulError(name.replaceAll(NUL, "\\0"));
  }
}
