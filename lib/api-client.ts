// The one client for Raio's own API from the browser: JSON in and out, and one error type carrying the
// API's `{ error: { code, message, field? } }` (the message is Portuguese, ready to show).

export class ApiError extends Error {
  constructor(
    message: string,
    /** The API's code (VALIDATION, CONFLICT…), or NETWORK when the server could not be reached. */
    readonly code: string,
    /** HTTP status; 0 when no answer arrived. */
    readonly status: number,
    /** The request field the message is about, when the API names one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const NETWORK_ERROR_MESSAGE = "Sem conexão com o servidor: tente de novo.";

interface ErrorBody { error?: { code?: string; message?: string; field?: string } }

export interface ApiInit extends Omit<RequestInit, "body"> {
  /** Sent as JSON (sets content-type). */
  json?: unknown;
  body?: BodyInit;
}

/**
 * Calls `/api/v1…` and returns the parsed JSON body (undefined for 204). Throws ApiError on an error status
 * or a network failure; an abort is rethrown as is (AbortError) so callers can ignore it.
 */
export async function apiFetch<T>(path: string, init: ApiInit = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(path, {
      ...rest,
      headers: json === undefined ? headers : { "content-type": "application/json", ...headers },
      body: json === undefined ? init.body : JSON.stringify(json),
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === "AbortError") throw err;
    throw new ApiError(NETWORK_ERROR_MESSAGE, "NETWORK", 0);
  }
  if (res.status === 204) return undefined as T;
  const body = (await res.json().catch(() => null)) as (T & ErrorBody) | null;
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(e?.message ?? `Falha na requisição (HTTP ${res.status}).`, e?.code ?? "HTTP", res.status, e?.field);
  }
  return body as T;
}

/** The Portuguese text to show for anything a call threw. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
