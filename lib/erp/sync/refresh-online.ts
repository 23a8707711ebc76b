// The fast refresh of logins' online state (default every 60 s): one pass over the ERP's logins reading only
// their online flag, applied through the login status feed's rules (lib/outages/apply-login-status), so
// outage detection sees a flip from the ERP exactly as one from RADIUS accounting. Unchanged logins are not
// written (their lastSeenAt comes from the ERP's ultima_conexao_final through the sync, not from the poll).
import { db } from "../../db";
import { applyLoginStatus } from "../../outages/apply-login-status";
import type { ErpConnector } from "../connector";

export interface OnlineOutcome {
  runId: number;
  logins: number;
  flipped: number;
}

export async function refreshOnline(connector: ErpConnector): Promise<OnlineOutcome> {
  const run = await db.syncRun.create({ data: { kind: "ONLINE", source: connector.kind, tables: [{ table: "logins", done: 0, total: null, skipped: 0, cursor: 0, finished: false }] } });
  let logins = 0;
  let flipped = 0;
  try {
    for await (const page of connector.pullOnline()) {
      // One instant for the pass: the ERP's answer is the state now.
      const at = new Date();
      if (page.events.length) {
        const result = await applyLoginStatus(page.events.map((e) => ({ ...e, at })), null, { touchUnchanged: false });
        flipped += result.updated;
      }
      logins += page.events.length;
    }
    await db.syncRun.update({
      where: { id: run.id },
      data: { status: "SUCCEEDED", finishedAt: new Date(), rows: logins, tables: [{ table: "logins", done: logins, total: logins, skipped: 0, cursor: 0, finished: true }] },
    });
    return { runId: run.id, logins, flipped };
  } catch (err) {
    await db.syncRun.update({ where: { id: run.id }, data: { status: "FAILED", finishedAt: new Date(), error: (err instanceof Error ? err.message : String(err)).slice(0, 2_000) } });
    throw err;
  }
}
