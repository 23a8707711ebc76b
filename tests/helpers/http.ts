// Builds real Request objects for route handlers, as a browser (cookie) or an integration (Bearer) sends them.
export interface CallOptions {
  method?: string;
  body?: unknown;
  rawBody?: string;
  cookie?: string;
  token?: string;
  headers?: Record<string, string>;
}

export function makeRequest(path: string, opts: CallOptions = {}): Request {
  const headers = new Headers(opts.headers);
  if (opts.cookie) headers.set("cookie", opts.cookie);
  if (opts.token) headers.set("authorization", `Bearer ${opts.token}`);
  let body: string | undefined = opts.rawBody;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers.set("content-type", "application/json");
  }
  return new Request(new URL(path, "http://localhost:3000"), { method: opts.method ?? (body ? "POST" : "GET"), headers, body });
}

type RouteHandler<P> = (req: Request, ctx: { params: Promise<P> }) => Promise<Response> | Response;

/** Calls a route handler and returns its status and parsed JSON body. */
export async function call<P = Record<string, string>>(
  handler: RouteHandler<P>,
  path: string,
  opts: CallOptions & { params?: P } = {},
): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const res = await handler(makeRequest(path, opts), { params: Promise.resolve((opts.params ?? {}) as P) });
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: res.status, body, headers: res.headers, text };
}
