// The syncing process of bench/sync.ts (its own process, so its memory is measured alone):
//   tsx bench/sync-child.ts full|incremental|online
// Talks to the IXC at BENCH_IXC_URL (BENCH_IXC_USER / BENCH_IXC_TOKEN) on DATABASE_URL, and prints one JSON
// line: { ms, peakRssMb, outcome }. ms is the sync itself (connector opened → last page committed); peakRssMb is
// the kernel's high-water mark of this process's resident memory (VmHWM), whatever happened in between.
import { readFileSync } from "node:fs";
import { getBackend } from "../lib/db";
import { migrateDatabase } from "../lib/db/migrate";
import { IxcConnector } from "../lib/erp/ixc/ixc-connector";
import { refreshOnline } from "../lib/erp/sync/refresh-online";
import { runSync } from "../lib/erp/sync/run-sync";
import { runCli } from "../scripts/run-cli";

const PROGRESS_EVERY_MS = 5_000;

function peakRssMb(): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1];
  return hwm ? Number(hwm) / 1024 : process.memoryUsage().rss / 2 ** 20;
}

async function main(): Promise<void> {
  const mode = process.argv[2];
  await migrateDatabase(getBackend());
  const started = performance.now();
  const connector = new IxcConnector({ baseUrl: process.env.BENCH_IXC_URL!, userId: process.env.BENCH_IXC_USER!, token: process.env.BENCH_IXC_TOKEN! });
  let outcome: unknown;
  try {
    if (mode === "online") outcome = await refreshOnline(connector);
    else {
      let last = 0;
      outcome = await runSync(connector, {
        kind: mode === "full" ? "FULL" : "INCREMENTAL",
        onProgress(p) {
          if (performance.now() - last < PROGRESS_EVERY_MS) return;
          last = performance.now();
          const t = p.tables.find((x) => x.table === p.table)!;
          console.error(`  ${p.table} ${t.done}/${t.total ?? "?"} · ${Math.round(p.rowsPerSecond)} linhas/s · ETA ${p.etaSeconds === null ? "?" : Math.ceil(p.etaSeconds)} s`);
        },
      });
    }
  } finally {
    connector.close();
  }
  const ms = performance.now() - started;
  console.log(JSON.stringify({ ms, peakRssMb: peakRssMb(), outcome }));
}

runCli(main, "[bench:sync] ");
