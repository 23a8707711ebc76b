// Reads a JSON body with a size limit counted while streaming (lib/http/read-body.ts); malformed bodies,
// invalid UTF-8 and strings holding NUL are refused before any route sees them.
import { badRequest } from "../errors";
import { readBodyBytes } from "./read-body";
import { rejectNulInJson } from "./reject-nul";

// 1 MiB: a 5,000-vertex polygon is ~200 KB of GeoJSON, so this leaves room without inviting abuse.
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * `emptyAs`: what an empty body means (transition requests may come with no body at all, from a button
 * click); without it an empty body is refused.
 */
export async function readJson(req: Request, maxBytes = MAX_JSON_BYTES, opts: { emptyAs?: unknown } = {}): Promise<unknown> {
  const bytes = await readBodyBytes(req, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw badRequest("Corpo da requisição não é UTF-8 válido.");
  }
  if (text.trim() === "") {
    if (opts.emptyAs !== undefined) return opts.emptyAs;
    throw badRequest("Corpo da requisição vazio: envie JSON.");
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest("Corpo da requisição não é JSON válido.");
  }
  rejectNulInJson(value);
  return value;
}
