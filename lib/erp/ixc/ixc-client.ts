// The HTTP client of IXC Provedor's webservice (`<base>/webservice/v1/<table>`). Protocol assumptions, from
// IXC's public clients (no live instance could be checked), each handled here:
// - Auth: `Authorization: Basic base64("<user id>:<token>")`. 401/403, or an error message about the token,
//   is a refused token: never retried.
// - Listing: POST with header `ixcsoft: listar` and a JSON body whose values are ALL strings:
//   { qtype: "<table>.<field>", query, oper: "= != < <= > >= L", page, rp, sortname, sortorder, grid_param }.
//   Extra filters go in `grid_param`, itself a JSON *string* of [{ TB, OP, P }].
// - Answer: { page, total, registros: [...] }, numbers as strings; an empty result may omit `registros`.
// - Errors arrive as JSON { type: "error", message } or as an HTML page, even with HTTP 200: both become an
//   IxcError carrying IXC's own message; a page is never half-read as data.
// - Actions (desbloqueio_confianca, get_boleto) are POSTs without the `ixcsoft` header.
// Resilience: a timeout per request; network errors, 5xx and 429 retried with exponential back-off and full
// jitter; at most `maxInFlight` requests at once (default 2, so the ERP is not hammered); a self-signed
// certificate is accepted only when the connection says so (allowSelfSigned).
import http from "node:http";
import https from "node:https";

/** Default per-request timeout: a 500-row page of a busy IXC can take seconds; longer means it is stuck. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Default concurrency towards one ERP. */
export const DEFAULT_MAX_IN_FLIGHT = 2;
/** Retries after the first try, for network errors, 5xx and 429. */
export const DEFAULT_RETRIES = 4;
/** Back-off base: the n-th retry waits a random time in [0, base·2ⁿ] ("full jitter"), capped below. */
export const DEFAULT_RETRY_BASE_MS = 500;
const MAX_RETRY_DELAY_MS = 30_000;
/** Rows per page: IXC's usual page size. */
export const DEFAULT_PAGE_SIZE = 500;
/** Largest answer read (a 500-row page of the widest table is far below). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type IxcErrorKind = "auth" | "remote" | "protocol" | "network" | "timeout" | "http";

export class IxcError extends Error {
  readonly kind: IxcErrorKind;
  readonly status?: number;
  /** IXC's own message, when it sent one. */
  readonly ixcMessage?: string;
  /** The parsed JSON error answer (action endpoints carry a code in it). */
  readonly body?: unknown;
  constructor(kind: IxcErrorKind, message: string, opts: { status?: number; ixcMessage?: string; body?: unknown } = {}) {
    super(message);
    this.name = "IxcError";
    this.kind = kind;
    this.status = opts.status;
    this.ixcMessage = opts.ixcMessage;
    this.body = opts.body;
  }
  get retryable(): boolean {
    return this.kind === "network" || this.kind === "timeout" || (this.kind === "http" && (this.status === 429 || (this.status ?? 0) >= 500));
  }
}

export interface IxcClientOptions {
  baseUrl: string;
  userId: string;
  token: string;
  allowSelfSigned?: boolean;
  timeoutMs?: number;
  maxInFlight?: number;
  retries?: number;
  retryBaseMs?: number;
  /** Rows per page for listAll (default 500). */
  pageSize?: number;
}

export type IxcOper = "=" | "!=" | "<" | "<=" | ">" | ">=" | "L";

export interface IxcFilter {
  field: string;
  op: IxcOper;
  value: string;
}

export interface ListQuery {
  /** The main filter (qtype/oper/query); default: every row (id >= 0). */
  where?: IxcFilter;
  /** Extra filters (grid_param). */
  also?: IxcFilter[];
  page?: number;
  rp?: number;
  sortname?: string;
  sortorder?: "asc" | "desc";
}

export interface ListPage {
  total: number;
  rows: Record<string, unknown>[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The webservice root: accepts "https://host", "https://host/" or ".../webservice/v1". */
export function webserviceRoot(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, "");
  return /\/webservice\/v1$/.test(trimmed) ? trimmed : `${trimmed}/webservice/v1`;
}

export class IxcClient {
  private readonly root: string;
  private readonly auth: string;
  private readonly agent: http.Agent;
  private readonly opts: Required<Omit<IxcClientOptions, "baseUrl" | "userId" | "token">>;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(options: IxcClientOptions) {
    this.root = webserviceRoot(options.baseUrl);
    this.auth = `Basic ${Buffer.from(`${options.userId}:${options.token}`).toString("base64")}`;
    this.opts = {
      allowSelfSigned: options.allowSelfSigned ?? false,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxInFlight: options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT,
      retries: options.retries ?? DEFAULT_RETRIES,
      retryBaseMs: options.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
      pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    };
    const agentOptions = { keepAlive: true, maxSockets: this.opts.maxInFlight };
    this.agent = this.root.startsWith("https:")
      ? new https.Agent({ ...agentOptions, rejectUnauthorized: !this.opts.allowSelfSigned })
      : new http.Agent(agentOptions);
  }

  close(): void {
    this.agent.destroy();
  }

  /** One page of a table. */
  async list(table: string, query: ListQuery = {}): Promise<ListPage> {
    const where = query.where ?? { field: "id", op: ">=", value: "0" };
    const body: Record<string, string> = {
      qtype: `${table}.${where.field}`,
      query: where.value,
      oper: where.op,
      page: String(query.page ?? 1),
      rp: String(query.rp ?? DEFAULT_PAGE_SIZE),
      sortname: `${table}.${query.sortname ?? "id"}`,
      sortorder: query.sortorder ?? "asc",
    };
    if (query.also?.length) body.grid_param = JSON.stringify(query.also.map((f) => ({ TB: `${table}.${f.field}`, OP: f.op, P: f.value })));
    const answer = await this.request(table, body, { listar: true });
    return parseListAnswer(table, answer);
  }

  /**
   * Every row of a table matching `also`, in id order, one page at a time. Paging is by id (each request asks
   * for id > the last id seen, page 1): rows inserted or deleted meanwhile cannot shift pages, and a stopped
   * run resumes from `afterId`. Each answer's `total` counts the rows still ahead; the walk ends when a page
   * holds all of them (or comes back empty).
   */
  async *listAll(table: string, opts: { also?: IxcFilter[]; afterId?: number; rp?: number } = {}): AsyncGenerator<ListPage & { lastId: number }> {
    let afterId = opts.afterId ?? 0;
    const rp = opts.rp ?? this.opts.pageSize;
    const fetchAfter = (id: number) => this.list(table, { where: { field: "id", op: ">", value: String(id) }, also: opts.also, rp, sortname: "id", sortorder: "asc" });
    let next = fetchAfter(afterId);
    for (;;) {
      const page = await next;
      if (page.rows.length === 0) return;
      const lastId = Number(page.rows[page.rows.length - 1]!.id);
      if (!Number.isInteger(lastId) || lastId <= afterId) {
        throw new IxcError("protocol", `IXC devolveu ${table} fora da ordem de id (id ${page.rows[page.rows.length - 1]!.id} após ${afterId})`);
      }
      const more = page.rows.length < page.total;
      // The next page is asked for while the caller writes this one (one request ahead, within maxInFlight);
      // a caller that stops early leaves it unread (its failure is then nobody's business).
      if (more) {
        next = fetchAfter(lastId);
        next.catch(() => undefined);
      }
      yield { ...page, lastId };
      if (!more) return;
      afterId = lastId;
    }
  }

  /**
   * An action endpoint (POST without `ixcsoft: listar`): desbloqueio_confianca, get_boleto… `raw`: the answer is
   * not JSON (get_boleto with base64 "S" answers the PDF as base64 text); a JSON error or HTML page still throws.
   */
  async action(endpoint: string, body: Record<string, unknown>, opts: { raw?: boolean } = {}): Promise<unknown> {
    return this.request(endpoint, body, { listar: false, raw: opts.raw ?? false });
  }

  private async request(path: string, body: Record<string, unknown>, how: { listar: boolean; raw?: boolean }): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.withSlot(() => this.once(path, body, how));
      } catch (err) {
        if (!(err instanceof IxcError) || !err.retryable || attempt >= this.opts.retries) throw err;
        const cap = Math.min(MAX_RETRY_DELAY_MS, this.opts.retryBaseMs * 2 ** attempt);
        await sleep(Math.random() * cap);
      }
    }
  }

  private async withSlot<T>(fn: () => Promise<T>): Promise<T> {
    while (this.inFlight >= this.opts.maxInFlight) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    try {
      return await fn();
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  private once(path: string, body: Record<string, unknown>, how: { listar: boolean; raw?: boolean }): Promise<unknown> {
    const url = new URL(`${this.root}/${path}`);
    const payload = JSON.stringify(body);
    const lib = url.protocol === "https:" ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(
        url,
        {
          method: "POST",
          agent: this.agent,
          headers: {
            authorization: this.auth,
            "content-type": "application/json",
            accept: "application/json",
            "content-length": Buffer.byteLength(payload),
            ...(how.listar ? { ixcsoft: "listar" } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (c: Buffer) => {
            size += c.length;
            if (size > MAX_BODY_BYTES) req.destroy(new IxcError("protocol", `resposta do IXC maior que ${MAX_BODY_BYTES} bytes`));
            else chunks.push(c);
          });
          res.on("error", (err) => reject(toNetworkError(err)));
          res.on("aborted", () => reject(new IxcError("network", "conexão com o IXC interrompida no meio da resposta")));
          res.on("end", () => {
            if (!res.complete) return reject(new IxcError("network", "conexão com o IXC interrompida no meio da resposta"));
            try {
              resolve(interpretAnswer(res.statusCode ?? 0, Buffer.concat(chunks).toString("utf8"), how.raw ?? false));
            } catch (err) {
              reject(err);
            }
          });
        },
      );
      req.setTimeout(this.opts.timeoutMs, () => req.destroy(new IxcError("timeout", `o IXC não respondeu em ${this.opts.timeoutMs / 1000} s`)));
      req.on("error", (err) => reject(err instanceof IxcError ? err : toNetworkError(err)));
      req.end(payload);
    });
  }
}

function toNetworkError(err: Error & { code?: string }): IxcError {
  const code = err.code ?? "";
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return new IxcError("auth", `certificado TLS do IXC recusado (${code}); se ele é autoassinado, marque "aceitar certificado autoassinado"`);
  }
  return new IxcError("network", `falha de rede ao falar com o IXC: ${code || err.message}`);
}

/** HTTP status + body → the parsed JSON, or an IxcError with IXC's own words. */
function interpretAnswer(status: number, text: string, raw: boolean): unknown {
  const trimmed = text.trim();
  let json: unknown;
  try {
    json = trimmed === "" ? undefined : JSON.parse(trimmed);
  } catch {
    json = undefined;
  }
  const ixcMessage = json && typeof json === "object" && (json as { type?: unknown }).type === "error"
    ? String((json as { message?: unknown }).message ?? "erro sem mensagem")
    : undefined;
  if (status === 401 || status === 403) {
    throw new IxcError("auth", `o IXC recusou o usuário/token (HTTP ${status})${ixcMessage ? `: ${ixcMessage}` : ""}`, { status, ixcMessage });
  }
  if (status === 429 || status >= 500 || (status >= 300 && status < 400) || (status >= 400 && !ixcMessage)) {
    throw new IxcError("http", `o IXC respondeu HTTP ${status}${ixcMessage ? `: ${ixcMessage}` : ""}`, { status, ixcMessage });
  }
  if (ixcMessage) {
    // A refused token sometimes comes back as a 200 with an error message.
    const kind = /token|autentica|usu[aá]rio|permiss/i.test(ixcMessage) ? "auth" : "remote";
    throw new IxcError(kind, `o IXC respondeu com erro: ${ixcMessage}`, { status, ixcMessage, body: json });
  }
  if (raw && json === undefined && !/^</.test(trimmed) && trimmed !== "") return trimmed;
  if (json === undefined) {
    const title = /<title>([^<]*)<\/title>/i.exec(trimmed)?.[1]?.trim();
    const what = /^</.test(trimmed) ? `uma página HTML${title ? ` ("${title.slice(0, 200)}")` : ""}` : `um texto que não é JSON ("${trimmed.slice(0, 120)}")`;
    throw new IxcError("protocol", `o IXC respondeu ${what} em vez de JSON (HTTP ${status})`, { status, ixcMessage: title });
  }
  return json;
}

function parseListAnswer(table: string, answer: unknown): ListPage {
  if (!answer || typeof answer !== "object") throw new IxcError("protocol", `resposta de listagem de ${table} sem objeto JSON`);
  const a = answer as { total?: unknown; registros?: unknown };
  const total = Number(a.total ?? 0);
  if (!Number.isInteger(total) || total < 0) throw new IxcError("protocol", `resposta de ${table} com total inválido: ${JSON.stringify(a.total)}`);
  // An empty result may omit `registros`.
  if (a.registros === undefined || a.registros === null) {
    if (total > 0) throw new IxcError("protocol", `resposta de ${table} diz total ${total} mas não traz registros`);
    return { total, rows: [] };
  }
  if (!Array.isArray(a.registros) || a.registros.some((r) => !r || typeof r !== "object" || Array.isArray(r))) {
    throw new IxcError("protocol", `resposta de ${table} com registros que não são uma lista de objetos`);
  }
  return { total, rows: a.registros as Record<string, unknown>[] };
}
