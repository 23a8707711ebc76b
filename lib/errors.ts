// One error type with codes, and one mapper from any thrown value to an HTTP answer.
// Bodies are { error: { code, message, field? } } with the message in Portuguese.
import { ZodError } from "zod";
import "./validation/zod-locale";
import { isDatabaseUnavailable } from "./db/is-database-unavailable";
import { uniqueViolationFields } from "./db/unique-violation";

export type ErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CROSS_SITE"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "CONFLICT"
  | "INVALID_TRANSITION"
  | "IDEMPOTENCY_MISMATCH"
  | "AMBIGUOUS"
  | "PAYLOAD_TOO_LARGE"
  | "INCOMPLETE_BODY"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CROSS_SITE: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_MISMATCH: 422,
  AMBIGUOUS: 300,
  PAYLOAD_TOO_LARGE: 413,
  // The client's connection ended before its body did (it gave up or dropped): nothing was done.
  INCOMPLETE_BODY: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  // A dependency (the ERP, a missing key) is down or unusable: the client may retry later.
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Seconds a client should wait before retrying while the database is unreachable. */
export const DATABASE_RETRY_AFTER_S = 5;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;
  /** Extra response headers (Retry-After, Allow). */
  readonly headers?: Record<string, string>;
  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: unknown; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
    this.headers = opts.headers;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export const badRequest = (message: string, field?: string) => new AppError("VALIDATION", message, { field });
export const notFound = (message: string) => new AppError("NOT_FOUND", message);
export const conflict = (message: string, details?: unknown) => new AppError("CONFLICT", message, { details });
export const forbidden = (message = "Seu perfil não tem permissão para esta ação.") => new AppError("FORBIDDEN", message);
export const unavailable = (message: string, details?: unknown) => new AppError("UNAVAILABLE", message, { details });
export const unauthenticated = (message = "Autenticação necessária.") => new AppError("UNAUTHENTICATED", message);
export const tooManyRequests = (message: string, retryAfterS: number) =>
  new AppError("RATE_LIMITED", message, { headers: { "retry-after": String(Math.max(1, Math.ceil(retryAfterS))) } });

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

/** Maps anything thrown to a status, a body and extra headers; unknown errors are logged and answered generically. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, field: err.field, details: err.details } },
      headers: err.headers,
    };
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.join(".") || undefined;
    return {
      status: 400,
      body: {
        error: {
          code: "VALIDATION",
          message: field ? `Campo ${field}: ${issue?.message}` : (issue?.message ?? "Dados inválidos"),
          field,
          details: err.issues.map((i) => ({ field: i.path.join("."), message: i.message })),
        },
      },
    };
  }
  const prismaCode = (err as { code?: unknown } | null)?.code;
  const unique = uniqueViolationFields(err);
  if (unique !== null) {
    const field = unique.length === 1 ? unique[0] : undefined;
    return { status: 409, body: { error: { code: "CONFLICT", message: `Registro já existe (valor único repetido${unique.length ? `: ${unique.join(", ")}` : ""}).`, field } } };
  }
  if (prismaCode === "P2025") {
    return { status: 404, body: { error: { code: "NOT_FOUND", message: "Registro não encontrado." } } };
  }
  if (isDatabaseUnavailable(err)) {
    console.error("[banco indisponível]", (err as Error)?.message ?? err);
    return {
      status: 503,
      body: { error: { code: "UNAVAILABLE", message: "Banco de dados indisponível no momento. Tente novamente em instantes." } },
      headers: { "retry-after": String(DATABASE_RETRY_AFTER_S) },
    };
  }
  console.error("[erro interno]", err);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Erro interno. Tente novamente." } } };
}

export function errorResponse(err: unknown): Response {
  const { status, body, headers } = toErrorBody(err);
  return Response.json(body, { status, headers });
}
