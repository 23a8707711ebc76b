// npm run sync -- [--full] [--table customers,contracts,logins,invoices] [--online]
// Syncs with the ERP configured in Configurações → Integrações, in this process (not through the queue), with
// a progress bar. It shares the runs' bookkeeping with the app's scheduled syncs: a run stopped halfway (error,
// crash, kill -9) is resumed from where it stopped, and a run alive in another process is not started twice.
import { parseArgs } from "node:util";
import { openErpConnector } from "../lib/erp/open-connector";
import { refreshOnline } from "../lib/erp/sync/refresh-online";
import { runSync, type SyncProgress } from "../lib/erp/sync/run-sync";
import { SYNC_TABLES, type SyncTable } from "../lib/erp/sync/sync-run-state";
import { runCli } from "./run-cli";

const TABLE_LABEL: Record<SyncTable, string> = { customers: "clientes", contracts: "contratos", logins: "logins", invoices: "faturas" };
const BAR_WIDTH = 24;
/** Without a terminal (logs, CI), one line every this often. */
const PLAIN_EVERY_MS = 2_000;

function renderProgress(p: SyncProgress): string {
  const total = p.tables.reduce((n, t) => n + (t.total ?? 0), 0);
  const done = p.tables.reduce((n, t) => n + t.done, 0);
  const ratio = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(ratio * BAR_WIDTH);
  const current = p.tables.find((t) => t.table === p.table)!;
  const fmt = (n: number) => n.toLocaleString("pt-BR");
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${Math.round(ratio * 100)}% ${TABLE_LABEL[p.table]} ${fmt(current.done)}/${fmt(current.total ?? 0)}`
    + ` · ${fmt(Math.round(p.rowsPerSecond))} linhas/s${p.etaSeconds !== null ? ` · faltam ~${Math.ceil(p.etaSeconds)} s` : ""}`;
}

async function main() {
  const { values } = parseArgs({ options: { full: { type: "boolean", default: false }, table: { type: "string" }, online: { type: "boolean", default: false } } });
  const tables = values.table ? values.table.split(",").map((t) => t.trim()) : undefined;
  for (const t of tables ?? []) {
    if (!(SYNC_TABLES as readonly string[]).includes(t)) throw new Error(`--table: "${t}" desconhecida (use ${SYNC_TABLES.join(", ")})`);
  }
  const connector = await openErpConnector();
  try {
    if (values.online) {
      const r = await refreshOnline(connector);
      console.log(`Online atualizado: ${r.logins} logins lidos, ${r.flipped} mudaram de estado (execução ${r.runId}).`);
      return 0;
    }
    const tty = process.stderr.isTTY;
    let lastPlain = 0;
    const outcome = await runSync(connector, {
      kind: values.full ? "FULL" : "INCREMENTAL",
      tables: tables as SyncTable[] | undefined,
      onProgress(p) {
        if (tty) process.stderr.write(`\r${renderProgress(p)}\x1b[K`);
        else if (Date.now() - lastPlain > PLAIN_EVERY_MS) {
          lastPlain = Date.now();
          process.stderr.write(`${renderProgress(p)}\n`);
        }
      },
    });
    if (tty) process.stderr.write("\n");
    console.log(
      `Sincronização ${outcome.kind === "FULL" ? "completa" : "incremental"} ${outcome.resumed ? "retomada e " : ""}concluída (execução ${outcome.runId}): `
        + `${outcome.rows} linhas, ${outcome.skipped} ignoradas${outcome.skipped ? " (veja Configurações → Integrações)" : ""}`
        + (outcome.kind === "FULL" ? `; inativados por sumirem do ERP: ${outcome.deactivated.contracts} contratos, ${outcome.deactivated.logins} logins.` : "."),
    );
    return 0;
  } finally {
    connector.close();
  }
}

runCli(main, "sync: ");
