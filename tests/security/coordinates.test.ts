// Coordinates are kept bit for bit (issue: a posted vertex -22.913420483699976 came back as
// -22.91342048369998, 13,368 of 18,036 imported login points changed in their last digits, and logins lying
// exactly on a region's edge were reported outside). Every value below is compared with Object.is: the
// double that went in is the double that comes out, through the API, the CSV import and the region index.
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { bulkInsert } from "@/lib/db/bulk-insert";
import { importErpFolder } from "@/lib/import/import-erp-folder";
import { preparePolygon } from "@/lib/geo/prepared-polygon";
import { generateCpf } from "@/lib/validation/document";
import { POST as createRegion, GET as listRegions } from "@/app/api/v1/regions/route";
import { PATCH as patchRegion } from "@/app/api/v1/service-orders/[id]/region/route";
import { GET as affectedLogins } from "@/app/api/v1/service-orders/[id]/affected-logins/route";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createMaintenanceSubject, feature, validBody } from "../orders/fixtures";

/** The value of the report. */
const REPORTED = -22.913420483699976;
/** A square whose corners lost their last digit before (-34.799499999999995 was stored as -34.79949999999999). */
const SMALL_SQUARE = [[-34.8005, -0.0005], [-34.799499999999995, -0.0005], [-34.799499999999995, 0.0005], [-34.8005, 0.0005], [-34.8005, -0.0005]];

let admin: { cookie: string };
beforeAll(async () => {
  await createMaintenanceSubject();
  admin = await loginAs("ADMIN");
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b) && deepIs(a, b);
function deepIs(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepIs(v, b[i]));
  return Object.is(a, b);
}

// Doubles with every bit random, in Brazil's range; no integers or short decimals that round trip anyway.
// (-0 is mapped to 0: a CSV cell cannot tell them apart.)
const lngArb = fc.double({ min: -73.9, max: -34.8, noNaN: true, noDefaultInfinity: true });
const latArb = fc.double({ min: -33.7, max: 5.2, noNaN: true, noDefaultInfinity: true }).map((v) => (Object.is(v, -0) ? 0 : v));
const offsetArb = fc.double({ min: 0.0005, max: 0.02, noNaN: true });

/** A simple counter-clockwise quadrilateral around (lng, lat): one vertex per quadrant, all bits random. */
const quadArb = fc
  .tuple(lngArb, latArb, fc.array(offsetArb, { minLength: 8, maxLength: 8 }))
  .map(([lng, lat, d]) => {
    const [a, b, c, e, f, g, h, i] = d as [number, number, number, number, number, number, number, number];
    const ring = [[lng - a, lat - b], [lng + c, lat - e], [lng + f, lat + g], [lng - h, lat + i]];
    return [...ring, ring[0]!];
  });

async function postRegion(ring: number[][]): Promise<number> {
  const res = await call(createRegion, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ region: feature(ring) }) });
  expect(res.status, res.text).toBe(201);
  return res.body.order.id;
}

async function regionOf(orderId: number): Promise<number[][]> {
  const res = await call(listRegions, "/api/v1/regions?status=ABERTA", { cookie: admin.cookie });
  const region = res.body.regions.find((r: { orderId: number }) => r.orderId === orderId);
  return region.geometry.coordinates[0];
}

let importRun = 0;
/** Imports one customer, contract and login per point (customer at `customer`, login at `login`). */
function writeErpFolder(points: { login: [number, number] | null; customer: [number, number] }[]): string {
  const run = ++importRun;
  const dir = mkdtempSync(path.join(tmpdir(), "raio-coords-"));
  const rng = () => Math.random();
  const customers = ["external_id,name,document,email,phones,street,number,neighborhood,city,state,zip,branch,branch_central,lat,lng,active"];
  const contracts = ["external_id,customer_external_id,status,access_status,reduced_speed,trust_unlock_eligible,activated_at,plan_name,plan_download_mbps,plan_upload_mbps,plan_price,plan_allowance_gb,plan_technology"];
  const logins = ["external_id,contract_external_id,login,status,online,last_seen_at,technology,data_used_mb,lat,lng"];
  points.forEach((p, i) => {
    const id = `R${run}-${i}`;
    customers.push(`C${id},Cliente ${id},${generateCpf(rng)},,,Rua A,${i},Centro,Campinas,SP,,F1,,${p.customer[1]},${p.customer[0]},S`);
    contracts.push(`K${id},C${id},A,A,N,S,,Fibra 500,500,250,119.90,,F`);
    logins.push(`L${id},K${id},login.${id.toLowerCase()},Ativo,S,,F,0,${p.login ? p.login[1] : ""},${p.login ? p.login[0] : ""}`);
  });
  writeFileSync(path.join(dir, "customers.csv"), customers.join("\n") + "\n");
  writeFileSync(path.join(dir, "contracts.csv"), contracts.join("\n") + "\n");
  writeFileSync(path.join(dir, "logins.csv"), logins.join("\n") + "\n");
  writeFileSync(path.join(dir, "invoices.csv"), "external_id,contract_external_id,due_date,amount,paid_at,digitable_line,payment_url\n");
  return dir;
}

async function affectedUsernames(orderId: number): Promise<Set<string>> {
  const res = await call(affectedLogins, `/api/v1/service-orders/${orderId}/affected-logins?pageSize=500`, { cookie: admin.cookie, params: { id: String(orderId) } });
  expect(res.status, res.text).toBe(200);
  return new Set(res.body.rows.map((r: { username: string }) => r.username));
}

describe("coordinates are stored and answered bit for bit", () => {
  it("answers the reported vertex -22.913420483699976 exactly as posted", async () => {
    const ring = [[-47.07, REPORTED], [-47.05, REPORTED], [-47.05, -22.9], [-47.07, -22.9], [-47.07, REPORTED]];
    const id = await postRegion(ring);
    expect(await regionOf(id)).toEqual(ring);
    expect(Object.is((await regionOf(id))[0]![1], REPORTED)).toBe(true);
    const stored = await db.maintenanceRegion.findUniqueOrThrow({ where: { serviceOrderId: id } });
    expect(stored.minLat).toBe(REPORTED);
  });

  it("POST /regions → GET /regions returns every random vertex unchanged, and the bbox is the polygon's own", { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(quadArb, async (ring) => {
        const id = await postRegion(ring);
        const back = await regionOf(id);
        expect(same(back, ring), `${JSON.stringify(ring)} → ${JSON.stringify(back)}`).toBe(true);
        const r = await db.maintenanceRegion.findUniqueOrThrow({ where: { serviceOrderId: id } });
        const lngs = ring.map((p) => p[0]!);
        const lats = ring.map((p) => p[1]!);
        expect([r.minLng, r.minLat, r.maxLng, r.maxLat]).toEqual([Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]);
      }),
      { numRuns: 8, examples: [[SMALL_SQUARE]] },
    );
  });

  it("PATCH /service-orders/{id}/region stores the new random vertices unchanged", { timeout: 180_000 }, async () => {
    const id = await postRegion([[-47.07, -22.91], [-47.05, -22.91], [-47.05, -22.9], [-47.07, -22.9], [-47.07, -22.91]]);
    await fc.assert(
      fc.asyncProperty(quadArb, async (ring) => {
        const res = await call(patchRegion, `/api/v1/service-orders/${id}/region`, {
          method: "PATCH", cookie: admin.cookie, body: { region: feature(ring) }, params: { id: String(id) },
        });
        expect(res.status, res.text).toBe(200);
        expect(same(await regionOf(id), ring)).toBe(true);
      }),
      { numRuns: 5, examples: [[SMALL_SQUARE]] },
    );
  });

  it("the CSV import keeps every random login and customer coordinate unchanged", { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(lngArb, latArb, lngArb, latArb), { minLength: 20, maxLength: 40 }), async (rows) => {
        const folder = writeErpFolder(rows.map(([a, b, c, d]) => ({ login: [a, b], customer: [c, d] })));
        const result = await importErpFolder(folder);
        expect(result.errors).toEqual([]);
        const run = importRun;
        const stored = await db.login.findMany({
          where: { username: { startsWith: `login.r${run}-` } },
          select: { username: true, lat: true, lng: true, contract: { select: { customer: { select: { lat: true, lng: true } } } } },
        });
        expect(stored).toHaveLength(rows.length);
        for (const s of stored) {
          const [a, b, c, d] = rows[Number(s.username.split("-")[1])]!;
          expect(deepIs([s.lng, s.lat, s.contract.customer.lng, s.contract.customer.lat], [a, b, c, d]), `${s.username}: ${[s.lng, s.lat]} ≠ ${[a, b]}`).toBe(true);
        }
      }),
      { numRuns: 3 },
    );
  });

  it("bulk inserts (seed, benchmarks) keep float8 columns unchanged", async () => {
    const contract = await db.contract.findFirstOrThrow({ select: { id: true } });
    const values = fc.sample(fc.tuple(lngArb, latArb), 200);
    await db.$transaction((tx) =>
      bulkInsert(tx, "Login", [
        { name: "contractId", type: "int" }, { name: "username", type: "text" }, { name: "status", type: "LoginStatus" },
        { name: "technology", type: "Technology" }, { name: "lat", type: "float8" }, { name: "lng", type: "float8" },
      ], values.map(([lng, lat], i) => ({ contractId: contract.id, username: `bulk.${i}`, status: "ATIVO", technology: "FIBRA", lat, lng }))),
    );
    const stored = await db.login.findMany({ where: { username: { startsWith: "bulk." } }, select: { username: true, lat: true, lng: true } });
    const changed = stored.filter((s) => {
      const [lng, lat] = values[Number(s.username.slice(5))]!;
      return !Object.is(s.lng, lng) || !Object.is(s.lat, lat);
    });
    expect(changed).toEqual([]);
  });
});

describe("the boundary of a posted region counts as inside", () => {
  const nextUp = (x: number) => stepUlp(x, 1);
  const nextDown = (x: number) => stepUlp(x, -1);
  function stepUlp(x: number, dir: 1 | -1): number {
    if (x === 0) return dir * Number.MIN_VALUE;
    const f = new Float64Array([x]);
    const u = new BigInt64Array(f.buffer);
    // For negative numbers the integer representation grows away from zero.
    u[0] = u[0]! + BigInt(x < 0 ? -dir : dir);
    return f[0]!;
  }

  it("logins on the vertices and on the edges of a random rectangle are inside; one unit in the last place outside is outside", { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(lngArb, latArb, offsetArb, offsetArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }), async (x0, y0, w, h, ts) => {
        const x1 = x0 + w;
        const y1 = y0 + h;
        const ring = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
        const id = await postRegion(ring);
        const [t0, t1, t2, t3] = ts as [number, number, number, number];
        const between = (a: number, b: number, t: number) => Math.min(b, Math.max(a, a + (b - a) * t));
        const inside: [number, number][] = [
          [x0, y0], [x1, y0], [x1, y1], [x0, y1], // vertices
          [between(x0, x1, t0), y0], [x1, between(y0, y1, t1)], [between(x0, x1, t2), y1], [x0, between(y0, y1, t3)], // edges
        ];
        const outside: [number, number][] = [
          [between(x0, x1, t0), nextDown(y0)], [nextUp(x1), between(y0, y1, t1)], [between(x0, x1, t2), nextUp(y1)], [nextDown(x0), between(y0, y1, t3)],
        ];
        const far: [number, number] = [x0 - 1, y0 - 1];
        const folder = writeErpFolder([
          ...inside.map((p) => ({ login: p, customer: far })),
          ...outside.map((p) => ({ login: p, customer: far })),
          // A login without its own point falls back to its customer's, on the edge too.
          { login: null, customer: inside[4]! },
        ]);
        expect((await importErpFolder(folder)).errors).toEqual([]);
        const run = importRun;
        const expected = new Set([...inside.map((_, i) => `login.r${run}-${i}`), `login.r${run}-${inside.length + outside.length}`]);
        const got = new Set([...(await affectedUsernames(id))].filter((u) => u.startsWith(`login.r${run}-`)));
        expect([...got].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 4, examples: [[-34.8, 0, 0.0005, 0.0005, [0, 0, 0, 0]], [-47.07, REPORTED, 0.02, 0.013420483699976, [0.5, 0.25, 1, 0]]] },
    );
  });

  it("the server's answer for points on and beside a sloped edge equals the exact test on the posted numbers", { timeout: 180_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(quadArb, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }), async (ring, ts) => {
        const id = await postRegion(ring);
        // Points computed on each edge: rounding leaves some exactly on it, some a hair inside or outside.
        const points = ts.map((t, i): [number, number] => {
          const a = ring[i % 4]!;
          const b = ring[(i % 4) + 1]!;
          return [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
        });
        const folder = writeErpFolder(points.map((p) => ({ login: p, customer: [ring[0]![0]! - 1, ring[0]![1]! - 1] })));
        expect((await importErpFolder(folder)).errors).toEqual([]);
        const run = importRun;
        const polygon = preparePolygon({ type: "Polygon", coordinates: [ring] });
        const expected = points.flatMap((p, i) => (polygon.contains(p[0], p[1]) ? [`login.r${run}-${i}`] : []));
        const got = [...(await affectedUsernames(id))].filter((u) => u.startsWith(`login.r${run}-`));
        expect(got.sort()).toEqual(expected.sort());
      }),
      { numRuns: 4, examples: [[SMALL_SQUARE, Array.from({ length: 40 }, () => 0)], [SMALL_SQUARE, Array.from({ length: 40 }, (_, i) => i / 40)]] },
    );
  });
});
