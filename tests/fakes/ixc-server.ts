// A fake IXC Provedor webservice on 127.0.0.1 (port 0 = any free port): real HTTP speaking the listing
// protocol (POST /webservice/v1/<table> with `ixcsoft: listar`, Basic auth, qtype/query/oper/page/rp/
// sortname/sortorder/grid_param as JSON or form-urlencoded, all-string answers, no `registros` when empty),
// the action endpoints desbloqueio_confianca and get_boleto, and fault injection:
//   fake.faults.pageDelayMs = 20          every answer waits (slow pages)
//   fake.inject("500" | "429" | "html200" | "json-error" | "refuse-token" | "reset", { table?, times? })
// `npm run fake:ixc` runs it stand-alone with generated data (tests/fakes/run-ixc-server.ts). With `lazy`, the
// customer tables are made on demand (./ixc-lazy-data.ts): a million customers without gigabytes.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BASE_UPDATE, generateIxcData, type IxcRecord, type IxcTables } from "./ixc-data";
import { isLazyTable, LazyIxcData } from "./ixc-lazy-data";

export type Fault = "500" | "429" | "html200" | "json-error" | "refuse-token" | "reset";

interface PendingFault {
  fault: Fault;
  table?: string;
  times: number;
}

export interface FakeIxcOptions {
  customers?: number;
  seed?: number;
  userId?: string;
  token?: string;
  data?: IxcTables;
  /** 0 (default): any free port, as tests need. */
  port?: number;
  /** Customers, contracts, logins and invoices made on demand (benchmarks); `data` then holds the small tables. */
  lazy?: boolean;
}

export interface RequestLog {
  table: string;
  headers: IncomingMessage["headers"];
  body: Record<string, string>;
}

export interface FakeIxc {
  url: string;
  userId: string;
  token: string;
  data: IxcTables;
  /** The on-demand tables (with `lazy`). */
  lazy: LazyIxcData | null;
  faults: { pageDelayMs: number };
  requests: RequestLog[];
  /** Most requests seen in flight at once (since the last resetStats). */
  maxInFlight: number;
  /** Forgets the request log and the in-flight high-water mark. */
  resetStats(): void;
  inject(fault: Fault, opts?: { table?: string; times?: number }): void;
  /** Changes a row as IXC would (and stamps ultima_atualizacao), or adds it when the id is new. */
  upsert(table: string, row: IxcRecord, at?: string): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function compare(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(row: IxcRecord, field: string, op: string, value: string): boolean {
  const v = row[field] ?? "";
  const c = compare(v, value);
  switch (op) {
    case "=": return c === 0;
    case "!=": return c !== 0;
    case "<": return c < 0;
    case "<=": return c <= 0;
    case ">": return c > 0;
    case ">=": return c >= 0;
    case "L": return v.toLowerCase().includes(value.replace(/%/g, "").toLowerCase());
    default: throw new Error(`operador desconhecido: ${op}`);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (body += c));
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}

function parseBody(text: string, contentType: string | undefined): Record<string, string> {
  if (text === "") return {};
  if ((contentType ?? "").includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text) as Record<string, string>;
}

const HTML_ERROR = "<!DOCTYPE html><html><head><title>Erro interno - IXC Provedor</title></head><body><h1>Ops!</h1><p>Tente novamente.</p></body></html>";

export async function startFakeIxc(opts: FakeIxcOptions = {}): Promise<FakeIxc> {
  const userId = opts.userId ?? "7";
  const token = opts.token ?? "token-do-fake-ixc-0123456789";
  const lazy = opts.lazy ? new LazyIxcData(opts.customers ?? 50, opts.seed) : null;
  const data = opts.data ?? generateIxcData({ customers: lazy ? 0 : (opts.customers ?? 50), seed: opts.seed });
  const pending: PendingFault[] = [];
  const requests: RequestLog[] = [];
  const faults = { pageDelayMs: 0 };
  const expectedAuth = `Basic ${Buffer.from(`${userId}:${token}`).toString("base64")}`;
  let inFlight = 0;
  let maxInFlight = 0;
  // Indexes by id for the update helper and the actions.
  const byId = (table: string) => new Map((data[table] ?? []).map((r, i) => [r.id!, i]));

  function takeFault(table: string): Fault | null {
    const i = pending.findIndex((p) => !p.table || p.table === table);
    if (i < 0) return null;
    const p = pending[i]!;
    if (--p.times <= 0) pending.splice(i, 1);
    return p.fault;
  }

  function send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  }

  function list(table: string, body: Record<string, string>) {
    const field = (q: string | undefined) => (q ?? `${table}.id`).replace(`${table}.`, "");
    if (lazy && isLazyTable(table)) {
      const extra = body.grid_param ? (JSON.parse(body.grid_param) as { TB: string; OP: string; P: string }[]) : [];
      return {
        status: 200,
        body: lazy.list(
          table, { field: field(body.qtype), op: body.oper ?? "=", value: body.query ?? "0" }, extra.map((f) => ({ field: field(f.TB), op: f.OP, value: f.P })),
          { field: field(body.sortname), desc: body.sortorder === "desc" }, Number(body.page ?? 1), Number(body.rp ?? 20),
        ),
      };
    }
    const rows = data[table];
    if (!rows) return { status: 200, body: { type: "error", message: `Tabela ${table} não encontrada` } };
    let out = rows.filter((r) => (body.query === undefined || body.query === "" ? true : matches(r, field(body.qtype), body.oper ?? "=", body.query)));
    if (body.grid_param) {
      const extra = JSON.parse(body.grid_param) as { TB: string; OP: string; P: string }[];
      out = out.filter((r) => extra.every((f) => matches(r, field(f.TB), f.OP, f.P)));
    }
    const sortField = field(body.sortname);
    const dir = body.sortorder === "desc" ? -1 : 1;
    out = [...out].sort((a, b) => dir * compare(a[sortField] ?? "", b[sortField] ?? ""));
    const rp = Number(body.rp ?? 20);
    const page = Number(body.page ?? 1);
    const slice = out.slice((page - 1) * rp, page * rp);
    // IXC quirk: an empty answer has no `registros` at all.
    return { status: 200, body: slice.length ? { page: String(page), total: String(out.length), registros: slice } : { page: String(page), total: "0" } };
  }

  function action(endpoint: string, body: Record<string, unknown>) {
    if (endpoint === "desbloqueio_confianca") {
      const i = byId("cliente_contrato").get(String(body.id));
      // Assumed answers: success { type: "success", message }; refusals { type: "error", message, codigo }.
      if (i === undefined) return { type: "error", codigo: "106", message: "106 - Contrato não existe" };
      const c = data.cliente_contrato![i]!;
      if (c.desbloqueio_confianca === "N") return { type: "error", codigo: "109", message: "109 - Desbloqueio de confiança não permitido para este contrato" };
      if (c.desbloqueio_confianca_ativo === "S" || c.status_internet === "A") return { type: "error", codigo: "107", message: "107 - Contrato já está desbloqueado" };
      data.cliente_contrato![i] = { ...c, status_internet: "A", desbloqueio_confianca_ativo: "S", dt_ult_desb_conf: "2026-11-30", ultima_atualizacao: "2026-11-30 09:00:00" };
      return { type: "success", message: "Desbloqueio de confiança efetuado" };
    }
    if (endpoint === "get_boleto") {
      const i = byId("fn_areceber").get(String(body.boletos));
      if (i === undefined) return { type: "error", message: "Boleto não encontrado" };
      // Assumed: with base64 "S" the PDF comes back as base64 text, not JSON.
      return Buffer.from(`%PDF-1.4\n% boleto ${body.boletos}\n%%EOF\n`).toString("base64");
    }
    return { type: "error", message: `Rotina ${endpoint} não encontrada` };
  }

  const server: Server = createServer(async (req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      const m = /^\/webservice\/v1\/([a-z_]+)\/?$/.exec(req.url ?? "");
      const text = await readBody(req);
      if (!m || req.method !== "POST") return send(res, 404, HTML_ERROR);
      const table = m[1]!;
      let body: Record<string, string>;
      try {
        body = parseBody(text, req.headers["content-type"]);
      } catch {
        return send(res, 200, { type: "error", message: "JSON inválido" });
      }
      requests.push({ table, headers: req.headers, body });
      if (faults.pageDelayMs) await sleep(faults.pageDelayMs);
      const fault = takeFault(table);
      if (req.headers.authorization !== expectedAuth || fault === "refuse-token") {
        return send(res, 401, { type: "error", message: "Token inválido ou usuário sem permissão de webservice" });
      }
      if (fault === "500") return send(res, 500, HTML_ERROR);
      if (fault === "429") return send(res, 429, { type: "error", message: "Muitas requisições" });
      if (fault === "html200") {
        res.writeHead(200, { "content-type": "text/html" });
        return res.end(HTML_ERROR);
      }
      if (fault === "json-error") return send(res, 200, { type: "error", message: "Erro ao executar a consulta: campo desconhecido" });
      const answer = req.headers.ixcsoft === "listar" ? list(table, body) : { status: 200, body: action(table, body) };
      if (fault === "reset") {
        // Half the page, then the connection drops.
        const full = JSON.stringify(answer.body);
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(full) });
        res.write(full.slice(0, Math.floor(full.length / 2)));
        await sleep(5);
        return res.destroy();
      }
      if (typeof answer.body === "string") {
        res.writeHead(200, { "content-type": "text/plain" });
        return res.end(answer.body);
      }
      return send(res, answer.status, answer.body);
    } catch (err) {
      // A listing the fake cannot answer is the fake's bug: say so loudly, as JSON IXC-style.
      if (!res.headersSent) send(res, 200, { type: "error", message: `IXC falso: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      inFlight--;
    }
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    userId,
    token,
    data,
    lazy,
    faults,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    resetStats() {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    inject(fault, o = {}) {
      pending.push({ fault, table: o.table, times: o.times ?? 1 });
    },
    upsert(table, row, at = BASE_UPDATE) {
      if (lazy && isLazyTable(table)) return lazy.update(table, Number(row.id), row, at);
      const rows = (data[table] ??= []);
      const i = rows.findIndex((r) => r.id === row.id);
      const next = { ...(i >= 0 ? rows[i] : {}), ...row, ultima_atualizacao: at };
      if (i >= 0) rows[i] = next;
      else rows.push(next);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
