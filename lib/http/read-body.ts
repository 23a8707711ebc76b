// Reads a request body while counting its bytes, and stops at the limit: a chunked body (no
// Content-Length) or one that lies about its length is cut off as soon as it passes the limit, so a
// client can never make a worker buffer more than `maxBytes`.
import { AppError } from "../errors";

export function payloadTooLarge(maxBytes: number, declared?: number): AppError {
  const what = declared !== undefined ? `Corpo da requisição com ${declared} bytes` : "Corpo da requisição acima do limite";
  return new AppError("PAYLOAD_TOO_LARGE", `${what}: o máximo é ${maxBytes} bytes.`);
}

/** The client's connection ended before its body did (it gave up or dropped): nothing was done. */
export function incompleteBody(): AppError {
  return new AppError("INCOMPLETE_BODY", "A conexão foi encerrada antes do fim do corpo da requisição: nada foi feito; envie de novo.");
}

export async function readBodyBytes(req: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const header = req.headers.get("content-length");
  if (header !== null) {
    const declared = Number(header);
    if (Number.isFinite(declared) && declared > maxBytes) throw payloadTooLarge(maxBytes, declared);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client's connection ended mid-body ("aborted", ECONNRESET): its fault, not the database's (that
      // socket error code would otherwise be taken for an unreachable database, logged and answered 503).
      throw incompleteBody();
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: the rest of the upload is never buffered.
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
