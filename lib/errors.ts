// One error type with codes, and one mapper from any thrown value to an HTTP answer.
// Bodies are { error: { code, message, field? } } with the message in Portuguese.
import { ZodError } from "zod";

export type ErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_TRANSITION"
  | "AMBIGUOUS"
  | "PAYLOAD_TOO_LARGE"
  | "UNAVAILABLE"
  | "INTERNAL";

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  AMBIGUOUS: 300,
  PAYLOAD_TOO_LARGE: 413,
  // A dependency (the ERP, a missing key) is down or unusable: the client may retry later.
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
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

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

/** Maps anything thrown to a status and a body; unknown errors are logged and answered generically. */
export function toErrorBody(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof AppError) {
    return {
      status: err.status,
      body: { error: { code: err.code, message: err.message, field: err.field, details: err.details } },
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
  if (prismaCode === "P2002") {
    return { status: 409, body: { error: { code: "CONFLICT", message: "Registro já existe (valor único repetido)." } } };
  }
  if (prismaCode === "P2025") {
    return { status: 404, body: { error: { code: "NOT_FOUND", message: "Registro não encontrado." } } };
  }
  console.error("[erro interno]", err);
  return { status: 500, body: { error: { code: "INTERNAL", message: "Erro interno. Tente novamente." } } };
}

export function errorResponse(err: unknown): Response {
  const { status, body } = toErrorBody(err);
  return Response.json(body, { status });
}
