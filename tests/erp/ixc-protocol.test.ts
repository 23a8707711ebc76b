// The IXC client and connector against the fake IXC webservice (real HTTP on 127.0.0.1): the listing
// protocol, paging, IXC's quirks, errors that must never pass as data, retries, concurrency and TLS.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { IxcClient, IxcError } from "@/lib/erp/ixc/ixc-client";
import { IxcConnector } from "@/lib/erp/ixc/ixc-connector";
import type { PullBatch } from "@/lib/erp/connector";
import { startFakeIxc, type FakeIxc } from "../fakes/ixc-server";

let fake: FakeIxc;
const clients: { close(): void }[] = [];

function client(opts: Partial<ConstructorParameters<typeof IxcClient>[0]> = {}) {
  const c = new IxcClient({ baseUrl: fake.url, userId: fake.userId, token: fake.token, retryBaseMs: 5, ...opts });
  clients.push(c);
  return c;
}
function connector() {
  const c = new IxcConnector({ baseUrl: fake.url, userId: fake.userId, token: fake.token, retryBaseMs: 5 });
  clients.push(c);
  return c;
}
async function collect(it: AsyncIterable<PullBatch>) {
  const batches: PullBatch[] = [];
  for await (const b of it) batches.push(b);
  return { rows: batches.flatMap((b) => b.rows), skipped: batches.flatMap((b) => b.skipped), batches };
}

beforeAll(async () => {
  fake = await startFakeIxc({ customers: 50 });
});
afterEach(() => {
  fake.faults.pageDelayMs = 0;
  fake.resetStats();
});
afterAll(async () => {
  for (const c of clients) c.close();
  await fake.close();
});

describe("IXC listing protocol", () => {
  it("POSTs with ixcsoft: listar, Basic auth and an all-string body with grid_param as a JSON string", async () => {
    await client().list("cliente", { where: { field: "id", op: ">", value: "10" }, also: [{ field: "ativo", op: "=", value: "S" }], rp: 5 });
    const req = fake.requests[0]!;
    expect(req.table).toBe("cliente");
    expect(req.headers.ixcsoft).toBe("listar");
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${fake.userId}:${fake.token}`).toString("base64")}`);
    expect(req.body).toEqual({
      qtype: "cliente.id", query: "10", oper: ">", page: "1", rp: "5", sortname: "cliente.id", sortorder: "asc",
      grid_param: JSON.stringify([{ TB: "cliente.ativo", OP: "=", P: "S" }]),
    });
    for (const v of Object.values(req.body)) expect(typeof v).toBe("string");
  });

  it("pages by id until the total is read, without repeats", async () => {
    const pages = [];
    for await (const p of client().listAll("cliente", { rp: 20 })) pages.push(p);
    expect(pages.map((p) => p.rows.length)).toEqual([20, 20, 10]);
    const ids = pages.flatMap((p) => p.rows.map((r) => Number(r.id)));
    expect(ids).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("reads an empty answer without `registros` as no rows", async () => {
    const page = await client().list("cliente", { where: { field: "id", op: ">", value: "999999" } });
    expect(page).toEqual({ total: 0, rows: [] });
  });
});

describe("IXC errors never pass as data", () => {
  it.each([
    { fault: "html200" as const, kind: "protocol", message: /página HTML \("Erro interno - IXC Provedor"\)/ },
    { fault: "json-error" as const, kind: "remote", message: /Erro ao executar a consulta: campo desconhecido/ },
    { fault: "refuse-token" as const, kind: "auth", message: /recusou o usuário\/token \(HTTP 401\)/ },
  ])("turns $fault into a clear $kind error, without retrying", async ({ fault, kind, message }) => {
    fake.inject(fault);
    const err = await client().list("cliente").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IxcError);
    expect((err as IxcError).kind).toBe(kind);
    expect((err as IxcError).message).toMatch(message);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    { fault: "500" as const, label: "HTTP 500" },
    { fault: "429" as const, label: "HTTP 429" },
    { fault: "reset" as const, label: "a connection reset mid-page" },
  ])("retries after $label and then reads the whole table", async ({ fault }) => {
    fake.inject(fault, { table: "cliente", times: 2 });
    const pages = [];
    for await (const p of client().listAll("cliente", { rp: 20 })) pages.push(p);
    expect(pages.flatMap((p) => p.rows)).toHaveLength(50);
    expect(fake.requests.length).toBe(5); // 2 failures + 3 pages
  });

  it("gives up after its retries with the last error", async () => {
    fake.inject("500", { times: 10 });
    const err = await client({ retries: 2 }).list("cliente").catch((e: unknown) => e);
    expect((err as IxcError).message).toMatch(/HTTP 500/);
    expect(fake.requests).toHaveLength(3);
    await client({ retries: 10 }).list("cliente"); // drains the injected faults left
  });

  it("times out a page that does not come", async () => {
    fake.faults.pageDelayMs = 500;
    const err = await client({ timeoutMs: 100, retries: 0 }).list("cliente").catch((e: unknown) => e);
    expect((err as IxcError).kind).toBe("timeout");
    await new Promise((resolve) => setTimeout(resolve, 500)); // the fake finishes the abandoned request
  });
});

describe("IXC client politeness", () => {
  it("keeps at most 2 requests in flight by default", async () => {
    fake.faults.pageDelayMs = 30;
    const c = client();
    await Promise.all(Array.from({ length: 8 }, (_, i) => c.list("cliente", { where: { field: "id", op: "=", value: String(i + 1) } })));
    expect(fake.requests).toHaveLength(8);
    expect(fake.maxInFlight).toBeLessThanOrEqual(2);
  });
});

describe("IXC over TLS with a self-signed certificate", () => {
  let dir: string;
  let proxy: HttpsServer;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "raio-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1", "-days", "1",
      "-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")], { stdio: "ignore" });
    // An HTTPS front for the fake, with the self-signed certificate.
    proxy = createHttpsServer({ key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) }, (req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const answer = await fetch(new URL(req.url!, fake.url), { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
        res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "" });
        res.end(Buffer.from(await answer.arrayBuffer()));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", () => resolve()));
    url = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses the certificate by default, naming the option", async () => {
    const err = await client({ baseUrl: url }).list("cliente", { rp: 1 }).catch((e: unknown) => e);
    expect((err as IxcError).message).toMatch(/certificado TLS do IXC recusado .*autoassinado/);
  });

  it("accepts it when the connection says so", async () => {
    const page = await client({ baseUrl: url, allowSelfSigned: true }).list("cliente", { rp: 1 });
    expect(page.total).toBe(50);
  });
});

describe("IXC connector", () => {
  it("pulls customers in the import's vocabulary, with city, state and branch", async () => {
    const { rows, skipped } = await collect(connector().pull("customers"));
    expect(skipped).toEqual([]);
    expect(rows).toHaveLength(50);
    const first = fake.data.cliente![0]!;
    expect(rows[0]).toMatchObject({
      external_id: "1", name: first.razao, document: first.cnpj_cpf, city: "Campinas", state: "SP", branch: "1",
      branch_central: "Matriz Campinas", lat: first.latitude, active: "S",
    });
    expect(rows[0]!.phones!.split("|")).toContain(first.telefone_celular);
  });

  it("skips a contract with an unknown plan and a login with an impossible date, naming table, id and field", async () => {
    fake.upsert("cliente_contrato", { ...fake.data.cliente_contrato![2]!, id_vd_contrato: "99" });
    fake.upsert("radusuarios", { ...fake.data.radusuarios![4]!, ultima_conexao_final: "2026-02-31 10:00:00" });
    const c = connector();
    const contracts = await collect(c.pull("contracts"));
    expect(contracts.skipped).toEqual([{ table: "contracts", id: "3", field: "id_vd_contrato", message: "plano 99 não existe no IXC" }]);
    expect(contracts.rows).toHaveLength(49);
    const logins = await collect(c.pull("logins"));
    expect(logins.skipped).toMatchObject([
      // The login of the skipped contract cannot be placed either.
      { table: "logins", id: "3", field: "id_contrato", message: "contrato 3 (ou seu plano) não existe no IXC" },
      { table: "logins", id: "5", field: "data", message: expect.stringMatching(/inexistente/) },
    ]);
    expect(logins.rows.find((r) => r.external_id === "1")).toMatchObject({ contract_external_id: "1", status: "S", technology: "F" });
    fake.upsert("cliente_contrato", { ...fake.data.cliente_contrato![2]!, id_vd_contrato: "1" });
    fake.upsert("radusuarios", { ...fake.data.radusuarios![4]!, ultima_conexao_final: "0000-00-00 00:00:00" });
  });

  it("pulls only rows changed since the watermark (filter on ultima_atualizacao)", async () => {
    fake.upsert("cliente", { ...fake.data.cliente![9]!, razao: "Nome Alterado" }, "2026-11-30 10:00:00");
    const { rows } = await collect(connector().pull("customers", { changedSince: new Date("2026-11-30T12:59:59Z") }));
    expect(rows.map((r) => [r.external_id, r.name])).toEqual([["10", "Nome Alterado"]]);
    const grid = JSON.parse(fake.requests.find((r) => r.table === "cliente")!.body.grid_param!);
    expect(grid).toEqual([{ TB: "cliente.ultima_atualizacao", OP: ">=", P: "2026-11-30 09:59:59" }]);
  });

  it.each([
    { label: "a blocked contract", id: "17", answer: { ok: true } },
    { label: "an already unlocked contract (107)", id: "1", answer: { ok: false, reason: "already-unlocked", code: "107" } },
    { label: "a contract that does not exist (106)", id: "999", answer: { ok: false, reason: "not-found", code: "106" } },
    { label: "a contract IXC forbids (109)", id: "29", answer: { ok: false, reason: "not-allowed", code: "109" } },
  ])("maps IXC's answer to trust unlock of $label", async ({ id, answer }) => {
    expect(await connector().trustUnlock(id)).toMatchObject(answer);
  });

  it("returns IXC's invoice copy: payable line, PIX and the PDF", async () => {
    const invoice = fake.data.fn_areceber!.find((r) => r.status === "A")!;
    const copy = await connector().openInvoice(invoice.id!);
    expect(copy).toMatchObject({ externalId: invoice.id, dueDate: invoice.data_vencimento, digitableLine: invoice.linha_digitavel, pixTxid: invoice.pix_txid });
    expect(Buffer.from(copy.pdfBase64!, "base64").toString()).toMatch(/^%PDF-/);
    const boleto = fake.requests.find((r) => r.table === "get_boleto")!;
    expect(boleto.headers.ixcsoft).toBeUndefined();
    expect(boleto.body).toMatchObject({ boletos: invoice.id, base64: "S", tipo_boleto: "arquivo" });
  });

  it("answers Testar conexão with one cheap call", async () => {
    expect(await connector().testConnection()).toEqual({ ok: true, message: "Conexão com o IXC funcionando: 50 clientes.", customers: 50 });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.body.rp).toBe("1");
  });
});

describe("IXC rows through the import's one mapping", () => {
  it("every pulled row passes the CSV import's row schemas, and IXC's codes land on Raio's values", async () => {
    const { customerRow, contractRow, loginRow, invoiceRow } = await import("@/lib/import/import-erp-folder");
    // Contract 17 was unlocked above; block it again (automatic block) so every code is present.
    fake.upsert("cliente_contrato", { ...fake.data.cliente_contrato![16]!, status_internet: "CA", desbloqueio_confianca_ativo: "N" });
    const c = connector();
    const schemas = { customers: customerRow, contracts: contractRow, logins: loginRow, invoices: invoiceRow } as const;
    const parsed: Record<string, unknown[]> = {};
    for (const [table, schema] of Object.entries(schemas)) {
      const { rows, skipped } = await collect(c.pull(table as keyof typeof schemas));
      expect(skipped).toEqual([]);
      parsed[table] = rows.map((row) => {
        const result = schema.safeParse(row);
        if (!result.success) throw new Error(`${table} ${row.external_id}: ${result.error.issues[0]?.path} ${result.error.issues[0]?.message}`);
        return result.data;
      });
    }
    const byIxc = new Map(fake.data.cliente_contrato!.map((r) => [r.id, r]));
    const expectedAccess: Record<string, string> = { A: "ATIVO", D: "DESATIVADO", CA: "BLOQUEADO", CM: "BLOQUEADO", FA: "FINANCEIRO_EM_ATRASO" };
    for (const contract of parsed.contracts as { external_id: string; status: string; access_status: string; reduced_speed: boolean }[]) {
      const ixc = byIxc.get(contract.external_id)!;
      expect(contract.access_status).toBe(expectedAccess[ixc.status_internet!]);
      expect(contract.status).toBe(ixc.status === "A" ? "ATIVO" : "INATIVO");
      expect(contract.reduced_speed).toBe(ixc.status_velocidade === "R");
    }
    const statuses = new Set((parsed.contracts as { access_status: string }[]).map((c) => c.access_status));
    expect([...statuses].sort()).toEqual(["ATIVO", "BLOQUEADO", "DESATIVADO", "FINANCEIRO_EM_ATRASO"]);
    // A login "SS" (no status) is offline; an invoice received has its payment date.
    const ss = fake.data.radusuarios!.find((r) => r.online === "SS");
    if (ss) expect((parsed.logins as { external_id: string; online: boolean }[]).find((l) => l.external_id === ss.id)!.online).toBe(false);
    const paid = (parsed.invoices as { external_id: string; paid_at: Date | null }[]).find((i) => i.external_id === "1")!;
    expect(paid.paid_at?.toISOString()).toBe("2026-10-08T03:00:00.000Z");
  });
});
