// The FTTH plant through the CSV import and the push API: OLT → PON → CTO → port → login, upserted by external
// id, and bad plant input refused with errors naming file/row and field (nothing written).
import { beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PUT as putOlts } from "@/app/api/v1/sync/olts/route";
import { PUT as putPons } from "@/app/api/v1/sync/pons/route";
import { PUT as putCtos } from "@/app/api/v1/sync/ctos/route";
import { PUT as putTable } from "@/app/api/v1/sync/[table]/route";
import { db } from "@/lib/db";
import { importErpFolder } from "@/lib/import/import-erp-folder";
import { call } from "../helpers/http";
import { createBearer, createCustomer } from "../helpers/factory";

const VALID = path.join(import.meta.dirname, "..", "import", "fixtures", "valid");

const OLTS = "external_id,name,lat,lng\nOLT1,OLT Centro,-22.9,-47.06\n";
const PONS = "external_id,olt_external_id,label\nPON1,OLT1,0/1/1\nPON2,OLT1,0/1/2\n";
const CTOS = "external_id,name,lat,lng,capacity,pon_external_id\nCTO1,CTO Rua A,-22.90251,-47.04049,8,PON1\nCTO2,CTO Rua B,-22.903,-47.041,2,PON2\n";
const LOGINS_WITH_PLANT = (a: string, b: string) =>
  readFileSync(path.join(VALID, "logins.csv"), "utf8")
    .replace("lat,lng\n", "lat,lng,cto_external_id,cto_port\n")
    .replace(/(L100,[^\n]*)/, `$1,${a}`)
    .replace(/(L101,[^\n]*)/, `$1,${b}`);

function folder(files: Record<string, string | undefined>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "raio-plant-"));
  cpSync(VALID, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) if (text !== undefined) writeFileSync(path.join(dir, name), text);
  return dir;
}

const plantOf = async (externalId: string) =>
  db.login.findUniqueOrThrow({ where: { externalId }, select: { ctoPort: true, cto: { select: { externalId: true, pon: { select: { label: true, olt: { select: { name: true } } } } } } } });

describe("importing the FTTH plant from CSV", () => {
  it("imports OLTs, PONs, CTOs and hangs each login from its CTO port; importing again duplicates nothing", async () => {
    const dir = folder({ "olts.csv": OLTS, "pons.csv": PONS, "ctos.csv": CTOS, "logins.csv": LOGINS_WITH_PLANT("CTO1,3", "CTO2,1") });
    for (let i = 0; i < 2; i++) {
      const result = await importErpFolder(dir);
      expect(result.errors).toEqual([]);
    }
    expect(await db.olt.count()).toBe(1);
    expect(await db.ponPort.count()).toBe(2);
    expect(await db.cto.count()).toBe(2);
    expect(await plantOf("L100")).toEqual({ ctoPort: 3, cto: { externalId: "CTO1", pon: { label: "0/1/1", olt: { name: "OLT Centro" } } } });
    expect(await plantOf("L101")).toMatchObject({ ctoPort: 1, cto: { externalId: "CTO2" } });
    const cto = await db.cto.findUniqueOrThrow({ where: { externalId: "CTO1" } });
    expect([cto.lat, cto.lng, cto.capacity]).toEqual([-22.90251, -47.04049, 8]);

    // Swapping two logins' ports in one import (the unique port is freed first).
    const swap = folder({ "logins.csv": LOGINS_WITH_PLANT("CTO2,1", "CTO1,3") });
    expect((await importErpFolder(swap)).errors).toEqual([]);
    expect(await plantOf("L100")).toMatchObject({ ctoPort: 1, cto: { externalId: "CTO2" } });
    expect(await plantOf("L101")).toMatchObject({ ctoPort: 3, cto: { externalId: "CTO1" } });
  });

  it.each([
    { label: "a login pointing at a missing box", files: { "logins.csv": LOGINS_WITH_PLANT("CTO-X,1", "") }, file: "logins.csv", line: 2, field: "cto_external_id", message: /CTO "CTO-X" não existe/ },
    { label: "a port beyond the box's capacity", files: { "logins.csv": LOGINS_WITH_PLANT("CTO2,3", "") }, file: "logins.csv", line: 2, field: "cto_port", message: /além da capacidade/ },
    { label: "a port used twice", files: { "logins.csv": LOGINS_WITH_PLANT("CTO1,5", "CTO1,5") }, file: "logins.csv", line: 3, field: "cto_port", message: /porta 5 da CTO "CTO1" já usada/ },
    {
      label: "a box over capacity",
      files: { "ctos.csv": CTOS.replace("CTO Rua B,-22.903,-47.041,2", "CTO Rua B,-22.903,-47.041,1"), "logins.csv": LOGINS_WITH_PLANT("CTO2,", "CTO2,") },
      file: "logins.csv", line: 3, field: "cto_external_id", message: /CTO "CTO2" acima da capacidade: 2 logins para 1 portas/,
    },
    { label: "a PON of a missing OLT", files: { "pons.csv": "external_id,olt_external_id,label\nPON9,OLT-X,0/9/9\n" }, file: "pons.csv", line: 2, field: "olt_external_id", message: /OLT "OLT-X" não existe/ },
    { label: "a CTO of a missing PON", files: { "ctos.csv": "external_id,name,lat,lng,capacity,pon_external_id\nCTO9,Caixa,-22.9,-47.0,8,PON-X\n" }, file: "ctos.csv", line: 2, field: "pon_external_id", message: /PON "PON-X" não existe/ },
    { label: "a CTO without coordinates", files: { "ctos.csv": "external_id,name,lat,lng,capacity,pon_external_id\nCTO9,Caixa,,-47.0,8,\n" }, file: "ctos.csv", line: 2, field: "lat", message: /latitude obrigatória/ },
  ])("refuses $label, naming file, line and field, and writes nothing", async ({ files, file, line, field, message }) => {
    const before = { ctos: await db.cto.count(), pons: await db.ponPort.count(), l100: await plantOf("L100") };
    const result = await importErpFolder(folder(files));
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual({ file, line, field, message: expect.stringMatching(message) });
    expect({ ctos: await db.cto.count(), pons: await db.ponPort.count(), l100: await plantOf("L100") }).toEqual(before);
  });
});

describe("PUT /api/v1/sync/olts|pons|ctos and the logins' plant columns", () => {
  let token: string;
  beforeAll(async () => {
    token = (await createBearer("ADMIN", "SGP")).token;
  });
  const push = (handler: typeof putOlts, table: string, rows: unknown[]) => call(handler, `/api/v1/sync/${table}`, { method: "PUT", token, body: { rows } });

  it("upserts the plant by external id, idempotently, and hangs pushed logins from it", async () => {
    for (let i = 0; i < 2; i++) {
      expect((await push(putOlts, "olts", [{ external_id: "P-OLT", name: "OLT Norte", lat: null, lng: null }])).body).toEqual({ table: "olts", upserted: 1 });
      expect((await push(putPons, "pons", [{ external_id: "P-PON", olt_external_id: "P-OLT", label: "1/1" }])).status).toBe(200);
      expect((await push(putCtos, "ctos", [{ external_id: "P-CTO", name: "Caixa 1", lat: -22.95, lng: -47.1, capacity: 16, pon_external_id: "P-PON" }])).status).toBe(200);
    }
    expect(await db.cto.count({ where: { externalId: "P-CTO" } })).toBe(1);
    const { contract } = await createCustomer({ contract: { externalId: "P-K1" }, login: { externalId: "P-L1", username: "p.login1" } });
    const login = { external_id: "P-L1", contract_external_id: contract.externalId, login: "p.login1", status: "Ativo", online: true, technology: "Fibra", data_used_mb: 0, lat: null, lng: null, cto_external_id: "P-CTO", cto_port: 4 };
    const res = await call(putTable, "/api/v1/sync/logins", { method: "PUT", token, body: { rows: [login] }, params: { table: "logins" } });
    expect(res.status).toBe(200);
    expect(await plantOf("P-L1")).toEqual({ ctoPort: 4, cto: { externalId: "P-CTO", pon: { label: "1/1", olt: { name: "OLT Norte" } } } });

    // A port beyond capacity refuses the logins batch, naming row and field.
    const bad = await call(putTable, "/api/v1/sync/logins", { method: "PUT", token, body: { rows: [{ ...login, cto_port: 17 }] }, params: { table: "logins" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([{ row: 0, externalId: "P-L1", field: "cto_port", message: expect.stringMatching(/além da capacidade da CTO "P-CTO" \(16 portas\)/) }]);
    expect((await plantOf("P-L1")).ctoPort).toBe(4);
  });

  it("refuses the whole batch when one row is bad, naming row and field", async () => {
    const res = await push(putCtos, "ctos", [
      { external_id: "P-CTO2", name: "Caixa 2", lat: -22.95, lng: -47.1, capacity: 8, pon_external_id: "" },
      { external_id: "P-CTO3", name: "Caixa 3", lat: -22.95, lng: -47.1, capacity: 0, pon_external_id: "" },
      { external_id: "P-CTO4", name: "Caixa 4", lat: -22.95, lng: -47.1, capacity: 8, pon_external_id: "NOPE" },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("rows.1.capacity");
    expect(res.body.error.details).toEqual([
      { row: 1, externalId: "P-CTO3", field: "capacity", message: expect.stringMatching(/capacidade/) },
      { row: 2, externalId: "P-CTO4", field: "pon_external_id", message: 'PON "NOPE" não existe' },
    ]);
    expect(await db.cto.count({ where: { externalId: { in: ["P-CTO2", "P-CTO3", "P-CTO4"] } } })).toBe(0);
    const dup = await push(putPons, "pons", [{ external_id: "P-PON9", olt_external_id: "P-OLT", label: "1/1" }]);
    expect(dup.body.error.details).toEqual([{ row: 0, externalId: "P-PON9", field: "label", message: 'porta PON "1/1" da OLT "P-OLT" já é a PON "P-PON"' }]);
  });
});
