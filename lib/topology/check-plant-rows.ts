// What the plant's row schemas cannot see, checked before anything is written (the CSV import, the push API
// and the ERP sync alike): references to an OLT / PON / CTO of the same batch or already in Raio, external ids
// repeated in the batch, a PON label used twice on one OLT, and the logins' ports — a login pointing at a
// missing CTO, a port beyond the CTO's capacity, a port used twice, a CTO with more logins than ports.
// The final state is judged: the batch's rows replace the stored ones with the same external id.
import { getBackend } from "../db";
import type { Located, PlantBatch, PlantError, PlantTable } from "./plant-rows";

interface StoredCto { external_id: string; capacity: number }
interface StoredLogin { external_id: string | null; username: string; cto: string; port: number | null }

export async function checkPlantRows(batch: PlantBatch): Promise<PlantError[]> {
  const errors: PlantError[] = [];
  const backend = getBackend();
  const fail = (table: PlantTable | "logins", at: number, externalId: string, field: string, message: string) =>
    errors.push({ table, at, externalId, field, message });

  // (Logins' repeated external ids are the login import's own check.)
  for (const table of ["olts", "pons", "ctos"] as const) {
    const seen = new Map<string, number>();
    for (const { at, row } of batch[table] as Located<{ external_id: string }>[]) {
      const first = seen.get(row.external_id);
      if (first !== undefined) fail(table, at, row.external_id, "external_id", `"${row.external_id}" repetido (já em ${first})`);
      else seen.set(row.external_id, at);
    }
  }

  // OLTs of the PONs.
  const oltRefs = [...new Set(batch.pons.map((p) => p.row.olt_external_id))];
  const storedOlts = new Set(
    oltRefs.length ? (await backend.query<{ e: string }>(`SELECT "externalId" AS e FROM "Olt" WHERE "externalId" = ANY($1::text[])`, [oltRefs])).map((r) => r.e) : [],
  );
  const batchOlts = new Set(batch.olts.map((o) => o.row.external_id));
  // A label names one PON of an OLT: stored PONs with another external id keep theirs.
  const storedLabels = oltRefs.length
    ? await backend.query<{ e: string; olt: string; label: string }>(
        `SELECT p."externalId" AS e, o."externalId" AS olt, p.label FROM "PonPort" p JOIN "Olt" o ON o.id = p."oltId" WHERE o."externalId" = ANY($1::text[])`,
        [oltRefs],
      )
    : [];
  const batchPonIds = new Set(batch.pons.map((p) => p.row.external_id));
  const labelOwner = new Map(storedLabels.filter((s) => !batchPonIds.has(s.e)).map((s) => [`${s.olt}\u0000${s.label}`, `PON "${s.e}"`]));
  for (const { at, row } of batch.pons) {
    if (!batchOlts.has(row.olt_external_id) && !storedOlts.has(row.olt_external_id)) {
      fail("pons", at, row.external_id, "olt_external_id", `OLT "${row.olt_external_id}" não existe`);
      continue;
    }
    const key = `${row.olt_external_id}\u0000${row.label}`;
    const owner = labelOwner.get(key);
    if (owner) fail("pons", at, row.external_id, "label", `porta PON "${row.label}" da OLT "${row.olt_external_id}" já é a ${owner}`);
    else labelOwner.set(key, `PON "${row.external_id}" (${at})`);
  }

  // PONs of the CTOs.
  const ponRefs = [...new Set(batch.ctos.flatMap((c) => c.row.pon_external_id ?? []))];
  const storedPons = new Set(
    ponRefs.length ? (await backend.query<{ e: string }>(`SELECT "externalId" AS e FROM "PonPort" WHERE "externalId" = ANY($1::text[])`, [ponRefs])).map((r) => r.e) : [],
  );
  for (const { at, row } of batch.ctos) {
    if (row.pon_external_id && !batchPonIds.has(row.pon_external_id) && !storedPons.has(row.pon_external_id)) {
      fail("ctos", at, row.external_id, "pon_external_id", `PON "${row.pon_external_id}" não existe`);
    }
  }

  // Logins on CTOs: the batch's assignments over the stored ones.
  const ctoRefs = [...new Set([...batch.logins.flatMap((l) => l.row.cto_external_id ?? []), ...batch.ctos.map((c) => c.row.external_id)])];
  if (ctoRefs.length === 0) return errors;
  const [storedCtos, storedLogins] = await Promise.all([
    backend.query<StoredCto>(`SELECT "externalId" AS external_id, capacity FROM "Cto" WHERE "externalId" = ANY($1::text[])`, [ctoRefs]),
    backend.query<StoredLogin>(
      `SELECT l."externalId" AS external_id, l.username, c."externalId" AS cto, l."ctoPort" AS port
         FROM "Login" l JOIN "Cto" c ON c.id = l."ctoId" WHERE c."externalId" = ANY($1::text[])`,
      [ctoRefs],
    ),
  ]);
  const capacity = new Map(storedCtos.map((c) => [c.external_id, Number(c.capacity)]));
  const batchCtoAt = new Map<string, number>();
  for (const { at, row } of batch.ctos) {
    capacity.set(row.external_id, row.capacity);
    batchCtoAt.set(row.external_id, at);
  }
  const batchLogins = new Set(batch.logins.map((l) => l.row.external_id));
  interface Holder { label: string; at?: number; externalId: string }
  const byCto = new Map<string, Holder[]>();
  const portHolder = new Map<string, Holder>();
  const hold = (cto: string, port: number | null, h: Holder) => {
    let list = byCto.get(cto);
    if (!list) byCto.set(cto, (list = []));
    list.push(h);
    if (port !== null) portHolder.set(`${cto}\u0000${port}`, h);
  };
  for (const s of storedLogins) {
    if (s.external_id !== null && batchLogins.has(s.external_id)) continue;
    hold(s.cto, s.port === null ? null : Number(s.port), { label: `login "${s.username}"`, externalId: s.external_id ?? "" });
  }
  for (const { at, row } of batch.logins) {
    if (row.cto_external_id === null) {
      if (row.cto_port !== null) fail("logins", at, row.external_id, "cto_port", "porta informada sem CTO (cto_external_id vazio)");
      continue;
    }
    const cap = capacity.get(row.cto_external_id);
    if (cap === undefined) {
      fail("logins", at, row.external_id, "cto_external_id", `CTO "${row.cto_external_id}" não existe`);
      continue;
    }
    if (row.cto_port !== null) {
      if (row.cto_port > cap) {
        fail("logins", at, row.external_id, "cto_port", `porta ${row.cto_port} além da capacidade da CTO "${row.cto_external_id}" (${cap} portas)`);
        continue;
      }
      const holder = portHolder.get(`${row.cto_external_id}\u0000${row.cto_port}`);
      if (holder) {
        fail("logins", at, row.external_id, "cto_port", `porta ${row.cto_port} da CTO "${row.cto_external_id}" já usada pelo ${holder.label}`);
        continue;
      }
    }
    hold(row.cto_external_id, row.cto_port, { label: `login "${row.external_id}" (${at})`, at, externalId: row.external_id });
  }
  for (const [cto, holders] of byCto) {
    const cap = capacity.get(cto)!;
    if (holders.length <= cap) continue;
    const message = `CTO "${cto}" acima da capacidade: ${holders.length} logins para ${cap} portas`;
    const firstOver = holders.slice(cap).find((h) => h.at !== undefined);
    if (firstOver) fail("logins", firstOver.at!, firstOver.externalId, "cto_external_id", message);
    else fail("ctos", batchCtoAt.get(cto) ?? 0, cto, "capacity", message);
  }
  return errors;
}
