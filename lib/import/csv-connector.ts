// The CSV export of an ERP as a connector (lib/erp/connector.ts): a folder with customers.csv, contracts.csv,
// logins.csv and invoices.csv (README "Importação do ERP") read page by page, rows as the import vocabulary's
// strings. `npm run import` reads its files through it, and the sync engine can run over it like over IXC:
// the same row schemas and the same upsert (lib/import/upsert-erp-rows) for every source.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ConnectionCheck, ErpConnector, ErpTable, InvoiceCopy, PullBatch, PullOptions, TrustUnlockAnswer } from "../erp/connector";
import { loginRow } from "./import-erp-folder";
import { parseCsv, type CsvTable } from "./parse-csv";

/** The file of each table a CSV export carries. */
export const CSV_FILES = {
  customers: "customers.csv", contracts: "contracts.csv", logins: "logins.csv", invoices: "invoices.csv",
  // The FTTH plant (optional files: lib/topology/read-plant-files.ts).
  olts: "olts.csv", pons: "pons.csv", ctos: "ctos.csv",
} as const;
export type CsvTableName = keyof typeof CSV_FILES;

/** Rows per page (the sync writes one page per transaction). */
const PAGE_SIZE = 500;

/** A page of a CSV file: the rows, and each row's line in the file (the header is line 1). */
export interface CsvBatch extends PullBatch {
  lines: number[];
}

export class CsvConnector implements ErpConnector {
  readonly kind = "csv";
  private readonly parsed = new Map<CsvTableName, CsvTable | null>();

  constructor(readonly folder: string) {}

  close(): void {
    this.parsed.clear();
  }

  /** The file of a table, parsed once; null when the folder has no such file. */
  table(table: CsvTableName): CsvTable | null {
    if (!this.parsed.has(table)) {
      const file = path.join(/* turbopackIgnore: true */ this.folder, CSV_FILES[table]);
      // The folder is chosen at run time (an ERP export): the build must not try to trace it, which made it copy
      // the whole project into the server output.
      this.parsed.set(table, existsSync(/* turbopackIgnore: true */ file) ? parseCsv(readFileSync(/* turbopackIgnore: true */ file, "utf8")) : null);
    }
    return this.parsed.get(table)!;
  }

  /**
   * Rows in file order, PAGE_SIZE at a time; cursor = rows read so far (afterId resumes after that many).
   * Branches and plans come inside customers and contracts; subjects are not exported: no rows.
   */
  async *pull(table: ErpTable | CsvTableName, opts: PullOptions = {}): AsyncIterable<CsvBatch> {
    if (!(table in CSV_FILES)) return;
    const csv = this.table(table as CsvTableName);
    if (!csv) throw new Error(`${CSV_FILES[table as CsvTableName]}: arquivo não encontrado em ${this.folder}`);
    for (let start = opts.afterId ?? 0; start < csv.rows.length; start += PAGE_SIZE) {
      const page = csv.rows.slice(start, start + PAGE_SIZE);
      const cursor = start + page.length;
      yield { rows: page.map((r) => r.values), lines: page.map((r) => r.line), skipped: [], cursor, remaining: csv.rows.length - cursor };
    }
  }

  /** The FTTH plant's optional files (olts.csv, pons.csv, ctos.csv): rows in file order, none when absent. */
  async pullPlant() {
    const rows = (table: "olts" | "pons" | "ctos") => (this.table(table)?.rows ?? []).map((r) => r.values);
    return { olts: rows("olts"), pons: rows("pons"), ctos: rows("ctos") };
  }

  async *pullOnline() {
    for await (const batch of this.pull("logins")) {
      // The import's own reading of the flag (S/N, SIM/NÃO…); an unreadable one counts as offline.
      const events = batch.rows.map((r) => ({ login: r.login ?? "", online: loginRow.shape.online.safeParse(r.online ?? "").data === true })).filter((e) => e.login !== "");
      yield { events, cursor: batch.cursor, remaining: batch.remaining };
    }
  }

  async testConnection(): Promise<ConnectionCheck> {
    const customers = this.table("customers");
    if (!customers) throw new Error(`${CSV_FILES.customers}: arquivo não encontrado em ${this.folder}`);
    return { ok: true, message: `Exportação CSV legível: ${customers.rows.length} clientes.`, customers: customers.rows.length };
  }

  async trustUnlock(): Promise<TrustUnlockAnswer> {
    return { ok: false, reason: "refused", code: null, message: "Uma exportação CSV não executa ações no ERP." };
  }

  async openInvoice(): Promise<InvoiceCopy> {
    throw new Error("Uma exportação CSV não emite segunda via.");
  }
}
