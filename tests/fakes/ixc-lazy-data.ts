// The fake IXC's big tables made on demand, for benchmarks of 100,000 to 1,000,000 customers: a row exists
// as a function of its id (./ixc-data.ts customerRecords) until something changes it, and only changed rows
// are kept. Answers the listings the connector makes — by id (`id > n`, `id >= n`, `id = n`, in id order) with
// an optional `ultima_atualizacao >= t` filter — in time proportional to the page, not to the table.
import { BASE_UPDATE, customerRecords, type IxcRecord } from "./ixc-data";

/** The tables made per customer, and how many rows each customer has in them. */
const PER_CUSTOMER = { cliente: 1, cliente_contrato: 1, radusuarios: 1, fn_areceber: 2 } as const;
export type LazyTable = keyof typeof PER_CUSTOMER;

export const isLazyTable = (t: string): t is LazyTable => t in PER_CUSTOMER;

interface Filter {
  field: string;
  op: string;
  value: string;
}

export class LazyIxcData {
  /** Rows changed since generation, by table and id (the stamp in ultima_atualizacao). */
  private readonly changed = new Map<LazyTable, Map<number, IxcRecord>>();

  constructor(readonly customers: number, readonly seed = 42) {}

  count(table: LazyTable): number {
    return this.customers * PER_CUSTOMER[table];
  }

  row(table: LazyTable, id: number): IxcRecord | null {
    if (!Number.isInteger(id) || id < 1 || id > this.count(table)) return null;
    const kept = this.changed.get(table)?.get(id);
    if (kept) return kept;
    const per = PER_CUSTOMER[table];
    const records = customerRecords(Math.ceil(id / per), this.seed);
    if (table === "fn_areceber") return records.fn_areceber[(id - 1) % 2]!;
    // This mode serves no FTTH plant tables: its logins hang from no CTO ("0", as IXC writes it).
    if (table === "radusuarios") return { ...records.radusuarios, id_caixa_ftth: "0", ftth_porta: "0", splitter: "" };
    return records[table];
  }

  /** Changes a row as IXC would, stamping ultima_atualizacao. */
  update(table: LazyTable, id: number, change: IxcRecord, at: string): void {
    const current = this.row(table, id);
    if (!current) throw new Error(`${table} ${id} não existe`);
    let rows = this.changed.get(table);
    if (!rows) this.changed.set(table, (rows = new Map()));
    rows.set(id, { ...current, ...change, ultima_atualizacao: at });
  }

  /** One listing answer (IXC's shape: strings, no `registros` when empty). */
  list(table: LazyTable, main: Filter, extra: Filter[], sort: { field: string; desc: boolean }, page: number, rp: number) {
    if (main.field !== "id" || !["=", ">", ">="].includes(main.op) || sort.field !== "id" || sort.desc) {
      throw new Error(`IXC falso (modo sob demanda): só listagens por id em ordem crescente (${main.field} ${main.op}, ordem ${sort.field})`);
    }
    for (const f of extra) {
      if (f.field !== "ultima_atualizacao" || ![">", ">="].includes(f.op)) throw new Error(`IXC falso (modo sob demanda): filtro ${f.field} ${f.op} não suportado`);
    }
    const from = main.op === ">" ? Number(main.value) + 1 : Number(main.value);
    const to = main.op === "=" ? from : this.count(table);
    const stampOk = (row: IxcRecord) => extra.every((f) => (f.op === ">" ? row.ultima_atualizacao! > f.value : row.ultima_atualizacao! >= f.value));
    const offset = (page - 1) * rp;
    let ids: number[];
    let total: number;
    // Generated rows all carry BASE_UPDATE: a later watermark can only match changed rows.
    if (extra.some((f) => (f.op === ">" ? BASE_UPDATE <= f.value : BASE_UPDATE < f.value))) {
      const matching = [...(this.changed.get(table)?.entries() ?? [])].filter(([id, row]) => id >= from && id <= to && stampOk(row)).map(([id]) => id).sort((a, b) => a - b);
      total = matching.length;
      ids = matching.slice(offset, offset + rp);
    } else {
      total = Math.max(0, to - Math.max(from, 1) + 1);
      ids = [];
      for (let id = Math.max(from, 1) + offset; id <= to && ids.length < rp; id++) ids.push(id);
    }
    const rows = ids.map((id) => this.row(table, id)!);
    return rows.length ? { page: String(page), total: String(total), registros: rows } : { page: String(page), total: "0" };
  }
}
