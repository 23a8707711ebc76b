// The IXC Provedor connector: IXC tables → Raio's import vocabulary (lib/erp/connector.ts), and IXC's
// action endpoints. Field choices are assumptions from IXC's public documentation, written next to each use;
// IXC's codes pass through unchanged and are mapped by the import's row schemas (the one mapping).
import type { ConnectionCheck, ErpConnector, ErpTable, InvoiceCopy, PullBatch, PullOptions, SkippedRow, SourceRow, TrustUnlockAnswer } from "../connector";
import { IxcClient, IxcError, type IxcClientOptions, type IxcFilter } from "./ixc-client";
import { ixcLoginPlant, pullIxcPlant } from "./ixc-plant";
import { formatIxcDateTime, IxcValueError, parseIxcDate, parseIxcDateTime, text } from "./ixc-values";

type Rec = Record<string, unknown>;

/** Which IXC table feeds each Raio table. */
export const IXC_TABLE: Record<ErpTable, string> = {
  branches: "filial",
  // Assumption: plans of sale live in vd_contratos (id, nome, valor_contrato); speeds in Mbps in download/upload,
  // allowance in GB in franquia_gb ("0" = unlimited) and technology F/R in tecnologia. Check on a real install:
  // some keep speeds in the RADIUS group (radgrupos).
  plans: "vd_contratos",
  customers: "cliente",
  contracts: "cliente_contrato",
  logins: "radusuarios",
  invoices: "fn_areceber",
  subjects: "su_oss_assunto",
};

interface PlanInfo {
  name: string;
  download: string;
  upload: string;
  price: string;
  allowanceGb: string;
  technology: string;
}

/** "2026-11-23 14:30:00" → ISO 8601 with offset, as the import reads it ("" for IXC's empty dates). */
function isoInstant(v: string): string {
  return parseIxcDateTime(v)?.toISOString() ?? "";
}

export class IxcConnector implements ErpConnector {
  readonly kind = "ixc";
  private readonly client: IxcClient;
  private plans: Map<string, PlanInfo> | null = null;
  private cities: Map<string, { name: string; uf: string }> | null = null;
  private branches: Map<string, { name: string }> | null = null;
  /** Contract id → its plan's technology, for logins whose contract Raio does not know (looked up in the ERP). */
  private readonly contractTechnology = new Map<string, string>();

  constructor(options: IxcClientOptions) {
    this.client = new IxcClient(options);
  }

  close(): void {
    this.client.close();
  }

  async *pull(table: ErpTable, opts: PullOptions = {}): AsyncIterable<PullBatch> {
    const ixcTable = IXC_TABLE[table];
    const also: IxcFilter[] = [];
    // Incremental: rows whose ultima_atualizacao is at or after the (overlapped) watermark, in IXC's local time.
    if (opts.changedSince && table !== "branches" && table !== "plans" && table !== "subjects") {
      also.push({ field: "ultima_atualizacao", op: ">=", value: formatIxcDateTime(opts.changedSince) });
    }
    if (table === "customers") await this.loadCities();
    if (table === "contracts") await this.loadPlans();
    for await (const page of this.client.listAll(ixcTable, { also, afterId: opts.afterId })) {
      const rows: SourceRow[] = [];
      const skipped: SkippedRow[] = [];
      const known = table === "logins" && opts.contractTechnology
        ? await opts.contractTechnology([...new Set(page.rows.map((r) => text(r, "id_contrato")))])
        : new Map<string, string>();
      for (const record of page.rows) {
        try {
          const row = await this.toSourceRow(table, record, known);
          if (row) rows.push(row);
        } catch (err) {
          if (!(err instanceof RowError || err instanceof IxcValueError)) throw err;
          skipped.push({ table, id: text(record, "id"), field: err instanceof RowError ? err.field : "data", message: err.message });
        }
      }
      yield { rows, skipped, cursor: page.lastId, remaining: Math.max(0, page.total - page.rows.length) };
    }
  }

  async *pullOnline(opts: { afterId?: number } = {}) {
    for await (const page of this.client.listAll("radusuarios", { afterId: opts.afterId })) {
      // online: "S" online, "N" offline, "SS" no status (counted as offline, as the import does).
      const events = page.rows.map((r) => ({ login: text(r, "login"), online: text(r, "online") === "S" })).filter((e) => e.login !== "");
      yield { events, cursor: page.lastId, remaining: Math.max(0, page.total - page.rows.length) };
    }
  }

  /** topo (issue 17): IXC's FTTH plant (lib/erp/ixc/ixc-plant.ts). */
  pullPlant() {
    return pullIxcPlant(this.client);
  }

  async testConnection(): Promise<ConnectionCheck> {
    // One cheap call: the first customer, which also tells how many there are.
    const page = await this.client.list("cliente", { rp: 1 });
    return { ok: true, message: `Conexão com o IXC funcionando: ${page.total} clientes.`, customers: page.total };
  }

  async trustUnlock(contractExternalId: string): Promise<TrustUnlockAnswer> {
    try {
      const answer = (await this.client.action("desbloqueio_confianca", { id: contractExternalId })) as Rec;
      return { ok: true, message: text(answer, "message") || "Desbloqueio de confiança efetuado no IXC." };
    } catch (err) {
      if (!(err instanceof IxcError) || err.kind !== "remote") throw err;
      // Documented codes: 106 contract does not exist, 107 already unlocked, 109 not allowed. Assumed to come
      // in a `codigo` field or at the start of the message ("107 - …").
      const body = (err.body ?? {}) as Rec;
      const code = text(body, "codigo") || text(body, "code") || (/^\s*(\d{3})\b/.exec(err.ixcMessage ?? "")?.[1] ?? "");
      const reason = code === "106" ? "not-found" : code === "107" ? "already-unlocked" : code === "109" ? "not-allowed" : "refused";
      return { ok: false, reason, code: code || null, message: err.ixcMessage ?? err.message };
    }
  }

  async openInvoice(invoiceExternalId: string): Promise<InvoiceCopy> {
    const page = await this.client.list("fn_areceber", { where: { field: "id", op: "=", value: invoiceExternalId }, rp: 1 });
    const record = page.rows[0];
    if (!record) throw new IxcError("remote", `fatura ${invoiceExternalId} não encontrada no IXC`);
    const pdf = await this.client.action(
      "get_boleto",
      { boletos: invoiceExternalId, juro: "S", multa: "S", atualiza_boleto: "S", tipo_boleto: "arquivo", base64: "S" },
      { raw: true },
    );
    return {
      externalId: invoiceExternalId,
      dueDate: parseIxcDate(text(record, "data_vencimento")) ?? "",
      amountCents: toCents(text(record, "valor_aberto") || text(record, "valor")),
      digitableLine: text(record, "linha_digitavel") || null,
      pixTxid: text(record, "pix_txid") || null,
      pdfBase64: typeof pdf === "string" ? pdf : null,
    };
  }

  private async toSourceRow(table: ErpTable, r: Rec, knownTechnology: Map<string, string>): Promise<SourceRow | null> {
    switch (table) {
      case "branches":
        return { external_id: text(r, "id"), name: text(r, "fantasia") || text(r, "razao"), central: text(r, "fantasia"), phone: text(r, "telefone") };
      case "plans":
        return {
          external_id: text(r, "id"), name: text(r, "nome"), download_mbps: text(r, "download"), upload_mbps: text(r, "upload"),
          price: text(r, "valor_contrato"), allowance_gb: text(r, "franquia_gb") === "0" ? "" : text(r, "franquia_gb"), technology: text(r, "tecnologia"),
        };
      case "subjects":
        return { external_id: text(r, "id"), name: text(r, "assunto"), maintenance_message: text(r, "msg_regiao_manutencao") };
      case "customers": {
        // Assumption: cliente.cidade is the id of IXC's cidade table (nome, uf); cliente.filial_id the branch.
        const city = this.cities!.get(text(r, "cidade"));
        if (!city) throw new RowError("cidade", `cidade ${text(r, "cidade") || "(vazia)"} não existe no IXC`);
        const branch = (await this.loadBranches()).get(text(r, "filial_id"));
        return {
          external_id: text(r, "id"),
          // Companies are known by their trade name when they have one.
          name: (text(r, "tipo_pessoa") === "J" && text(r, "fantasia")) || text(r, "razao"),
          document: text(r, "cnpj_cpf"),
          email: text(r, "email"),
          phones: [text(r, "telefone_celular"), text(r, "whatsapp"), text(r, "fone")].filter(Boolean).join("|"),
          street: text(r, "endereco"), number: text(r, "numero"), neighborhood: text(r, "bairro"),
          city: city.name, state: city.uf, zip: text(r, "cep"),
          branch: text(r, "filial_id"), branch_central: branch?.name ?? "",
          lat: text(r, "latitude"), lng: text(r, "longitude"), active: text(r, "ativo"),
        };
      }
      case "contracts": {
        const plan = this.plans!.get(text(r, "id_vd_contrato"));
        if (!plan) throw new RowError("id_vd_contrato", `plano ${text(r, "id_vd_contrato") || "(vazio)"} não existe no IXC`);
        return {
          external_id: text(r, "id"), customer_external_id: text(r, "id_cliente"),
          status: text(r, "status"), access_status: text(r, "status_internet"),
          // status_velocidade: N normal, R reduced.
          reduced_speed: text(r, "status_velocidade") === "R" ? "S" : "N",
          // desbloqueio_confianca: whether IXC lets this contract use trust unlock (S/N).
          trust_unlock_eligible: text(r, "desbloqueio_confianca") || "S",
          activated_at: isoInstant(text(r, "data_ativacao")),
          plan_name: plan.name, plan_download_mbps: plan.download, plan_upload_mbps: plan.upload, plan_price: plan.price,
          plan_allowance_gb: plan.allowanceGb, plan_technology: plan.technology,
        };
      }
      case "logins": {
        const contract = text(r, "id_contrato");
        // Raio's copy of the contract first (pulled before the logins); the ERP only for contracts Raio lacks.
        const technology = knownTechnology.get(contract) ?? this.contractTechnology.get(contract) ?? (await this.technologyOfContract(contract));
        return {
          external_id: text(r, "id"), contract_external_id: contract, login: text(r, "login"),
          // ativo S/N is the login's status; online S/N/SS its connection (SS = no status → offline).
          status: text(r, "ativo"), online: text(r, "online"),
          last_seen_at: isoInstant(text(r, "ultima_conexao_final")),
          technology,
          // Assumption: radusuarios has no usage counter in the listing; the allowance check uses franquia_atingida.
          data_used_mb: "0",
          lat: text(r, "latitude"), lng: text(r, "longitude"),
          // topo (issue 17): the CTO (rad_caixa_ftth id) and its port; "0" or empty = none (radio logins).
          ...ixcLoginPlant(r),
        };
      }
      case "invoices": {
        // status: A open, R received, P partial, C cancelled. A cancelled invoice is not owed: skipped.
        const status = text(r, "status");
        if (status === "C") return null;
        return {
          external_id: text(r, "id"), contract_external_id: text(r, "id_contrato"),
          due_date: parseIxcDate(text(r, "data_vencimento")) ?? "",
          amount: text(r, "valor"),
          paid_at: status === "R" ? isoInstant(text(r, "pagamento_data")) || isoInstant(text(r, "ultima_atualizacao")) : "",
          digitable_line: text(r, "linha_digitavel"), payment_url: "",
        };
      }
    }
  }

  private async technologyOfContract(contractId: string): Promise<string> {
    await this.loadPlans();
    const page = await this.client.list("cliente_contrato", { where: { field: "id", op: "=", value: contractId }, rp: 1 });
    const plan = page.rows[0] && this.plans!.get(text(page.rows[0], "id_vd_contrato"));
    if (!plan) throw new RowError("id_contrato", `contrato ${contractId || "(vazio)"} (ou seu plano) não existe no IXC`);
    this.contractTechnology.set(contractId, plan.technology);
    return plan.technology;
  }

  private async loadPlans(): Promise<void> {
    if (this.plans) return;
    const plans = new Map<string, PlanInfo>();
    for await (const page of this.client.listAll(IXC_TABLE.plans)) {
      for (const r of page.rows) {
        plans.set(text(r, "id"), {
          name: text(r, "nome"), download: text(r, "download"), upload: text(r, "upload"), price: text(r, "valor_contrato"),
          allowanceGb: text(r, "franquia_gb") === "0" ? "" : text(r, "franquia_gb"), technology: text(r, "tecnologia"),
        });
      }
    }
    this.plans = plans;
  }

  private async loadCities(): Promise<void> {
    if (this.cities) return;
    const cities = new Map<string, { name: string; uf: string }>();
    for await (const page of this.client.listAll("cidade")) for (const r of page.rows) cities.set(text(r, "id"), { name: text(r, "nome"), uf: text(r, "uf") });
    this.cities = cities;
  }

  private async loadBranches(): Promise<Map<string, { name: string }>> {
    if (this.branches) return this.branches;
    const branches = new Map<string, { name: string }>();
    for await (const page of this.client.listAll("filial")) for (const r of page.rows) branches.set(text(r, "id"), { name: text(r, "fantasia") || text(r, "razao") });
    this.branches = branches;
    return branches;
  }
}

class RowError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

function toCents(v: string): number {
  const m = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(v);
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0")) : 0;
}
