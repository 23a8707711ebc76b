// Idempotency-Key for POSTs that create something: a client that retries (its connection dropped, the
// worker died mid-answer) sends the same key and gets the first answer back, status and body, while
// nothing is written again. Keys are scoped per principal (a user or an API token) and kept
// IDEMPOTENCY_TTL_MS. The same key with another method, path or body is refused (422); a retry that
// arrives while the first request is still running waits for its answer (up to IN_PROGRESS_WAIT_MS, then
// 409 with Retry-After). Concurrent duplicates race on the (scope, key) unique index: exactly one runs.
//
// Limits: answers of 5xx and 429 are not kept (the write did not happen; a retry runs again). A request
// still "in progress" after IN_PROGRESS_LEASE_MS is taken to have died and a retry runs it again; the only
// window where that could repeat a write is a crash between the route's commit and the recording of its
// answer here (milliseconds), against the whole answer's round trip without a key.
import { createHash } from "node:crypto";
import { db } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { AppError, badRequest } from "../errors";
import type { Principal } from "../auth/principal";
import { MAX_JSON_BYTES } from "./read-json";
import { readBodyBytes } from "./read-body";

export const IDEMPOTENCY_HEADER = "idempotency-key";
/** How long a key and its answer are kept (24 h, as the common APIs do). */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** A first request that has not answered after this long is considered dead. */
const IN_PROGRESS_LEASE_MS = 60_000;
/** How long a retry waits for a first request still running before answering 409. */
const IN_PROGRESS_WAIT_MS = 10_000;
const POLL_MS = 50;
/** Keys: 1–255 visible ASCII characters (a UUID fits). */
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function scopeOf(p: Principal): string {
  return p.kind === "user" ? `user:${p.userId}` : p.kind === "token" ? `token:${p.apiTokenId}` : "system";
}

function replay(row: { status: number | null; body: string | null; contentType: string | null }): Response {
  return new Response(row.body, {
    status: row.status ?? 200,
    headers: { "content-type": row.contentType ?? "application/json", "idempotent-replayed": "true" },
  });
}

async function claim(scope: string, key: string, requestHash: string, now: number): Promise<bigint | null> {
  try {
    const row = await db.idempotencyKey.create({
      data: { scope, key, requestHash, expiresAt: new Date(now + IDEMPOTENCY_TTL_MS) },
      select: { id: true },
    });
    return row.id;
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

/** Runs `run` once per (principal, key); retries get the stored answer. Without the header it just runs. */
export async function withIdempotency(
  req: Request,
  principal: Principal,
  maxBytes: number = MAX_JSON_BYTES,
  run: (req: Request) => Promise<Response> | Response,
): Promise<Response> {
  const key = req.headers.get(IDEMPOTENCY_HEADER);
  if (key === null) return run(req);
  if (!KEY_PATTERN.test(key)) {
    throw badRequest("Idempotency-Key inválida: use de 1 a 255 caracteres ASCII visíveis (por exemplo, um UUID).", "Idempotency-Key");
  }
  const body = await readBodyBytes(req, maxBytes);
  const url = new URL(req.url);
  const requestHash = createHash("sha256").update(`${req.method} ${url.pathname}\n`).update(body).digest("hex");
  const scope = scopeOf(principal);
  const deadline = Date.now() + IN_PROGRESS_WAIT_MS;

  for (;;) {
    const now = Date.now();
    const id = await claim(scope, key, requestHash, now);
    if (id !== null) return runAndRecord(id, req, body, run);
    const row = await db.idempotencyKey.findUnique({
      where: { scope_key: { scope, key } },
      select: { id: true, requestHash: true, status: true, body: true, contentType: true, createdAt: true, expiresAt: true },
    });
    if (!row) continue; // deleted in between (expired, or its first request failed): claim again
    if (row.expiresAt.getTime() <= now) {
      await db.idempotencyKey.deleteMany({ where: { id: row.id, expiresAt: row.expiresAt } });
      continue;
    }
    if (row.requestHash !== requestHash) {
      throw new AppError("IDEMPOTENCY_MISMATCH", "Esta Idempotency-Key já foi usada com outra requisição (corpo ou rota diferentes): use uma chave nova.", {
        field: "Idempotency-Key",
      });
    }
    if (row.status !== null) return replay(row);
    if (now - row.createdAt.getTime() > IN_PROGRESS_LEASE_MS) {
      // The first request died without answering: this retry takes its place.
      const taken = await db.idempotencyKey.updateMany({ where: { id: row.id, status: null, createdAt: row.createdAt }, data: { createdAt: new Date(now) } });
      if (taken.count === 1) return runAndRecord(row.id, req, body, run);
      continue;
    }
    if (now >= deadline) {
      throw new AppError("CONFLICT", "Uma requisição com esta Idempotency-Key ainda está em andamento: tente de novo em instantes.", {
        headers: { "retry-after": "1" },
      });
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

async function runAndRecord(
  id: bigint,
  req: Request,
  body: Uint8Array<ArrayBuffer>,
  run: (req: Request) => Promise<Response> | Response,
): Promise<Response> {
  // The body was read to hash it: the route reads this copy.
  const copy = new Request(req.url, { method: req.method, headers: req.headers, body: body.byteLength > 0 ? body : undefined });
  let res: Response;
  try {
    res = await run(copy);
  } catch (err) {
    // An error the route did not answer itself: nothing was kept, so a retry may run again.
    await db.idempotencyKey.deleteMany({ where: { id } }).catch(() => undefined);
    throw err;
  }
  if (res.status >= 500 || res.status === 429) {
    await db.idempotencyKey.deleteMany({ where: { id } }).catch(() => undefined);
    return res;
  }
  const text = await res.text();
  await db.idempotencyKey.update({
    where: { id },
    data: { status: res.status, body: text, contentType: res.headers.get("content-type") },
  });
  return new Response(text, { status: res.status, headers: res.headers });
}
