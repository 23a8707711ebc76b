// The IXC connector's FTTH plant against the fake IXC: rad_caixa_ftth → CTOs, the ONUs' (id_transmissor, ponid)
// → PON ports and OLTs, radusuarios.id_caixa_ftth / ftth_porta → each login's CTO and port. A bad box is
// reported with table, id and field, and its logins are still written (without CTO).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { IxcConnector } from "@/lib/erp/ixc/ixc-connector";
import { runSync } from "@/lib/erp/sync/run-sync";
import { startFakeIxc, type FakeIxc } from "../fakes/ixc-server";
import { resetErpTables } from "../helpers/erp-sync";

const N = 40;
let fake: FakeIxc;
let connector: IxcConnector;

beforeAll(async () => {
  fake = await startFakeIxc({ customers: N });
  connector = new IxcConnector({ baseUrl: fake.url, userId: fake.userId, token: fake.token, pageSize: 25, retryBaseMs: 5 });
});
afterAll(async () => {
  connector.close();
  await fake.close();
});
beforeEach(async () => {
  await resetErpTables();
});

describe("IXC's FTTH plant", { timeout: 180_000 }, () => {
  it("syncs CTOs, PON ports, OLTs and each fibre login's CTO port", async () => {
    const outcome = await runSync(connector, { kind: "FULL" });
    expect(outcome.skipped).toBe(0);
    const boxes = fake.data.rad_caixa_ftth!;
    expect(await db.cto.count()).toBe(boxes.length);
    const box = boxes[0]!;
    const cto = await db.cto.findUniqueOrThrow({ where: { externalId: box.id! }, include: { pon: { include: { olt: true } } } });
    expect(cto).toMatchObject({ name: box.descricao, capacity: Number(box.capacidade), lat: Number(box.latitude), lng: Number(box.longitude) });
    expect(cto.pon).toMatchObject({ externalId: "1/0", label: "0", olt: { externalId: "1", name: "OLT Fake 1" } });
    for (const r of fake.data.radusuarios!) {
      const login = await db.login.findUniqueOrThrow({ where: { externalId: r.id! }, select: { ctoPort: true, cto: { select: { externalId: true } }, technology: true } });
      if (r.id_caixa_ftth === "0") expect(login).toMatchObject({ cto: null, ctoPort: null, technology: "RADIO" });
      else expect(login).toMatchObject({ cto: { externalId: r.id_caixa_ftth }, ctoPort: Number(r.ftth_porta) });
    }
    // Again: nothing duplicated.
    await runSync(connector, { kind: "FULL" });
    expect(await db.cto.count()).toBe(boxes.length);
    expect(await db.ponPort.count()).toBe(new Set(fake.data.radpop_radio_cliente_fibra!.map((o) => `${o.id_transmissor}/${o.ponid}`)).size);
  });

  it("reports a bad box with its table, id and field, and writes its logins without CTO", async () => {
    const box = fake.data.rad_caixa_ftth![1]!;
    const saved = box.capacidade;
    box.capacidade = "0";
    try {
      const outcome = await runSync(connector, { kind: "FULL" });
      const issues = await db.syncIssue.findMany({ where: { runId: outcome.runId }, select: { table: true, externalId: true, field: true, message: true } });
      expect(issues).toContainEqual({ table: "ctos", externalId: box.id, field: "capacity", message: expect.stringMatching(/capacidade/) });
      const members = fake.data.radusuarios!.filter((r) => r.id_caixa_ftth === box.id);
      expect(members.length).toBeGreaterThan(0);
      expect(issues.filter((i) => i.table === "logins" && i.field === "cto_external_id").map((i) => i.externalId).sort()).toEqual(members.map((m) => m.id).sort());
      expect(await db.login.count({ where: { externalId: { in: members.map((m) => m.id!) }, ctoId: null } })).toBe(members.length);
    } finally {
      box.capacidade = saved ?? null;
    }
  });
});
