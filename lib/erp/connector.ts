// One interface for every ERP Raio reads from. A connector pulls tables and performs the actions that must
// happen in the ERP first (trust unlock, invoice copy). Pulled rows come out in Raio's import vocabulary —
// the CSV import's columns, as strings (README "Importação do ERP") — with the ERP's own codes left as they
// are (status "A", access "CA"…): the import's row schemas are the one mapping from outside values to
// Raio's, for the CSV files and for every connector alike.

export const ERP_TABLES = ["branches", "plans", "customers", "contracts", "logins", "invoices", "subjects"] as const;
export type ErpTable = (typeof ERP_TABLES)[number];

/** A row in the import vocabulary: customers.csv, contracts.csv, logins.csv, invoices.csv columns. */
export type SourceRow = Record<string, string>;

/** A row the connector could not even read (e.g. an impossible date): skipped, reported, never written. */
export interface SkippedRow {
  table: ErpTable;
  id: string;
  field: string;
  message: string;
}

export interface PullBatch {
  rows: SourceRow[];
  skipped: SkippedRow[];
  /** Resume point: pulling again with afterId = cursor continues after this batch. */
  cursor: number;
  /** Rows still ahead in the ERP after this batch (for progress and ETA). */
  remaining: number;
}

export interface PullOptions {
  /** Incremental: only rows changed at or after this instant (the caller subtracts its overlap). */
  changedSince?: Date | null;
  /** Resume after this ERP id. */
  afterId?: number;
  /**
   * What Raio already knows of the contracts logins point at: contract external id → its plan's technology
   * (Raio's name, e.g. "FIBRA"). Lets a connector whose logins carry no technology of their own fill it with
   * one database query per page instead of one ERP request per contract.
   */
  contractTechnology?: (contractIds: string[]) => Promise<Map<string, string>>;
}

export type TrustUnlockAnswer =
  | { ok: true; message: string }
  | { ok: false; reason: "not-found" | "already-unlocked" | "not-allowed" | "refused"; code: string | null; message: string };

export interface InvoiceCopy {
  externalId: string;
  dueDate: string;
  amountCents: number;
  digitableLine: string | null;
  pixTxid: string | null;
  /** The boleto as a PDF, base64. */
  pdfBase64: string | null;
}

export interface ConnectionCheck {
  ok: true;
  /** What the ERP answered, in a sentence for the admin. */
  message: string;
  customers: number;
}

export interface ErpConnector {
  readonly kind: string;
  pull(table: ErpTable, opts?: PullOptions): AsyncIterable<PullBatch>;
  /** The logins' online flags only (the fast refresh), by username as the login status feed takes them. */
  pullOnline(opts?: { afterId?: number }): AsyncIterable<{ events: { login: string; online: boolean }[]; cursor: number; remaining: number }>;
  /** topo (issue 17): the FTTH plant (olts.csv, pons.csv, ctos.csv columns), when the ERP holds one. */
  pullPlant?(): Promise<{ olts: SourceRow[]; pons: SourceRow[]; ctos: SourceRow[] }>;
  testConnection(): Promise<ConnectionCheck>;
  trustUnlock(contractExternalId: string): Promise<TrustUnlockAnswer>;
  openInvoice(invoiceExternalId: string): Promise<InvoiceCopy>;
  close(): void;
}
