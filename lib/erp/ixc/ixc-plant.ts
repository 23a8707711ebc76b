// topo (issue 17): IXC's FTTH plant in the import's vocabulary (olts.csv, pons.csv, ctos.csv; docs/topologia.md).
// - CTOs: rad_caixa_ftth (id, descricao, latitude, longitude, capacidade).
// - PON ports: IXC keeps no PON table; each ONU (radpop_radio_cliente_fibra) names its OLT (id_transmissor)
//   and its PON (ponid), and its CTO (id_caixa_ftth). A PON is a distinct (id_transmissor, ponid) pair, external
//   id "<id_transmissor>/<ponid>"; a CTO hangs from the PON most of its ONUs name.
// - OLTs: the transmitters the ONUs name. Assumption: their names are in radpop_radio (id, descricao,
//   latitude, longitude), IXC's transmitter table; when it cannot be read they are named "OLT <id>".
// - Logins: radusuarios.id_caixa_ftth and ftth_porta ("0" or empty = none).
// A table IXC refuses (module not licensed, token without permission) reads as empty: the sync goes on, and
// logins naming a CTO it could not read are written without CTO and reported.
import type { SourceRow } from "../connector";
import { IxcError, type IxcClient } from "./ixc-client";
import { text } from "./ixc-values";

type Rec = Record<string, unknown>;

/** IXC writes "0" for "no box" / "no port". */
const none = (v: string) => (v === "" || v === "0" ? "" : v);

export function ixcLoginPlant(r: Rec): { cto_external_id: string; cto_port: string } {
  const cto = none(text(r, "id_caixa_ftth"));
  return { cto_external_id: cto, cto_port: cto ? none(text(r, "ftth_porta")) : "" };
}

/** Reads every page of a table; an IXC that refuses the table (not licensed, no permission) reads as empty. */
async function* pagesOrNone(client: IxcClient, table: string) {
  try {
    yield* client.listAll(table);
  } catch (err) {
    if (!(err instanceof IxcError) || (err.kind !== "remote" && err.kind !== "auth")) throw err;
  }
}

export async function pullIxcPlant(client: IxcClient): Promise<{ olts: SourceRow[]; pons: SourceRow[]; ctos: SourceRow[] }> {
  const pons = new Map<string, SourceRow>();
  const ponVotes = new Map<string, Map<string, number>>();
  for await (const page of pagesOrNone(client, "radpop_radio_cliente_fibra")) {
    for (const r of page.rows) {
      const olt = none(text(r, "id_transmissor"));
      const ponid = text(r, "ponid");
      if (!olt || ponid === "") continue;
      const pon = `${olt}/${ponid}`;
      if (!pons.has(pon)) pons.set(pon, { external_id: pon, olt_external_id: olt, label: ponid });
      const cto = none(text(r, "id_caixa_ftth"));
      if (!cto) continue;
      let votes = ponVotes.get(cto);
      if (!votes) ponVotes.set(cto, (votes = new Map()));
      votes.set(pon, (votes.get(pon) ?? 0) + 1);
    }
  }
  const named = new Map<string, SourceRow>();
  for await (const page of pagesOrNone(client, "radpop_radio")) {
    for (const r of page.rows) named.set(text(r, "id"), { external_id: text(r, "id"), name: text(r, "descricao") || `OLT ${text(r, "id")}`, lat: text(r, "latitude"), lng: text(r, "longitude") });
  }
  const olts = [...new Set([...pons.values()].map((p) => p.olt_external_id!))].map((id) => named.get(id) ?? { external_id: id, name: `OLT ${id}`, lat: "", lng: "" });
  const ctos: SourceRow[] = [];
  for await (const page of pagesOrNone(client, "rad_caixa_ftth")) {
    for (const r of page.rows) {
      const votes = ponVotes.get(text(r, "id"));
      const pon = votes ? [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0] : "";
      ctos.push({ external_id: text(r, "id"), name: text(r, "descricao"), lat: text(r, "latitude"), lng: text(r, "longitude"), capacity: text(r, "capacidade"), pon_external_id: pon });
    }
  }
  return { olts, pons: [...pons.values()], ctos };
}
