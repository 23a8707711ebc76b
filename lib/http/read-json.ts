// Reads a JSON body with a size limit: oversized or malformed bodies are refused before parsing.
import { AppError, badRequest } from "../errors";

// 1 MiB: a 5,000-vertex polygon is ~200 KB of GeoJSON, so this leaves room without inviting abuse.
export const MAX_JSON_BYTES = 1024 * 1024;

/**
 * `emptyAs`: what an empty body means (transition requests may come with no body at all, from a button
 * click); without it an empty body is refused.
 */
export async function readJson(req: Request, maxBytes = MAX_JSON_BYTES, opts: { emptyAs?: unknown } = {}): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("PAYLOAD_TOO_LARGE", `Corpo da requisição com ${declared} bytes: o máximo é ${maxBytes}.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Corpo da requisição acima de ${maxBytes} bytes.`);
  }
  if (text.trim() === "") {
    if (opts.emptyAs !== undefined) return opts.emptyAs;
    throw badRequest("Corpo da requisição vazio: envie JSON.");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest("Corpo da requisição não é JSON válido.");
  }
}
