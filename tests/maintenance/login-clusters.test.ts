// GET /api/v1/logins?bbox=…&zoom=N: the map's logins clustered on the server, complete at every zoom.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listLogins } from "@/app/api/v1/logins/route";
import { POST as postStatus } from "@/app/api/v1/logins/status/route";
import { POST as postCount } from "@/app/api/v1/logins/count/route";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";

// A neighbourhood of its own (no other test puts logins here): 40 logins on a 8 × 5 grid ~50 m apart.
const [LNG, LAT] = [-41.3, -12.7];
const STEP = 0.0005;
const BOX = `${LNG - 0.01},${LAT - 0.01},${LNG + 0.01},${LAT + 0.01}`;
let cookie: string;
const usernames: string[] = [];

interface Answer {
  total: number;
  clusters: { count: number; offline: number; lat: number; lng: number; bounds: [number, number, number, number] }[];
  logins: { id: number; username: string; lat: number; lng: number; online: boolean }[];
}

async function view(bbox: string, zoom: number): Promise<Answer> {
  const res = await call(listLogins, `/api/v1/logins?bbox=${bbox}&zoom=${zoom}`, { cookie });
  expect(res.status, res.text).toBe(200);
  return res.body as Answer;
}

const counted = (a: Answer) => a.clusters.reduce((s, c) => s + c.count, 0) + a.logins.length;
const offline = (a: Answer) => a.clusters.reduce((s, c) => s + c.offline, 0) + a.logins.filter((l) => !l.online).length;

beforeAll(async () => {
  cookie = (await loginAs("ADMIN")).cookie;
  for (let i = 0; i < 40; i++) {
    const lng = LNG + (i % 8) * STEP;
    const lat = LAT + Math.floor(i / 8) * STEP;
    // Every tenth login has no location of its own: it sits at its customer's.
    const own = i % 10 !== 0;
    const { login } = await createCustomer({ lng, lat, login: { online: i >= 4, ...(own ? { lng, lat } : { lng: null, lat: null }) } });
    usernames.push(login!.username);
  }
});

describe("GET /api/v1/logins (clusters)", () => {
  it("groups a neighbourhood into clusters at city zoom, every login counted once, offline counts included", async () => {
    const city = await view(BOX, 11);
    expect(city.total).toBe(40);
    expect(counted(city)).toBe(40);
    expect(city.logins).toHaveLength(0);
    expect(city.clusters).toHaveLength(1);
    const [cluster] = city.clusters;
    expect(cluster).toMatchObject({ count: 40, offline: 4 });
    // The centroid of the members, and their bounds.
    expect(cluster!.lng).toBeCloseTo(LNG + 3.5 * STEP, 9);
    expect(cluster!.lat).toBeCloseTo(LAT + 2 * STEP, 9);
    expect(cluster!.bounds.map((v) => Number(v.toFixed(9)))).toEqual([LNG, LAT, LNG + 7 * STEP, LAT + 4 * STEP].map((v) => Number(v.toFixed(9))));
  });

  it("follows the status feed: the next request counts the logins that just went offline", async () => {
    const at = new Date().toISOString();
    const down = usernames.slice(10, 20).map((login) => ({ login, online: false, at }));
    const res = await call(postStatus, "/api/v1/logins/status", { cookie, body: { events: down } });
    expect(res.status, res.text).toBe(200);
    expect(res.body.updated).toBe(10);
    for (const zoom of [11, 14, 16]) {
      const a = await view(BOX, zoom);
      expect(counted(a), `zoom ${zoom}`).toBe(40);
      expect(offline(a), `zoom ${zoom}`).toBe(14);
    }
    const back = usernames.slice(10, 20).map((login) => ({ login, online: true, at: new Date(Date.now() + 1_000).toISOString() }));
    expect((await call(postStatus, "/api/v1/logins/status", { cookie, body: { events: back } })).status).toBe(200);
    expect(offline(await view(BOX, 11))).toBe(4);
  });

  it("lists logins one by one at street level, with name and state; a new login shows up on the next request", async () => {
    const street = await view(`${LNG - 0.0002},${LAT - 0.0002},${LNG + 3.5 * STEP},${LAT + 1.5 * STEP}`, 18);
    expect(street.clusters).toEqual([]);
    // Columns 0..3 of rows 0..1.
    const expected = [0, 1, 2, 3, 8, 9, 10, 11].map((i) => usernames[i]);
    expect(street.logins.map((l) => l.username).sort()).toEqual([...expected].sort());
    const first = street.logins.find((l) => l.username === usernames[0]);
    expect(first).toMatchObject({ online: false, lng: expect.closeTo(LNG, 9), lat: expect.closeTo(LAT, 9) });
    expect(street.logins.find((l) => l.username === usernames[9])?.online).toBe(true);

    const { login } = await createCustomer({ lng: LNG + 0.0001, lat: LAT + 0.0001, login: { online: false, lng: LNG + 0.0001, lat: LAT + 0.0001 } });
    const again = await view(`${LNG - 0.0002},${LAT - 0.0002},${LNG + 3.5 * STEP},${LAT + 1.5 * STEP}`, 18);
    expect(again.logins.find((l) => l.username === login!.username)).toMatchObject({ online: false });
    const city = await view(BOX, 11);
    expect(city.total).toBe(41);
    expect(offline(city)).toBe(5);
  });

  it("answers a box far too large for its zoom with coarser cells, still complete", async () => {
    const world = await view("-180,-85,180,85", 19);
    expect(counted(world)).toBe(world.total);
    expect(world.clusters.length + world.logins.length).toBeLessThanOrEqual(16_384 * 64);
    expect(world.total).toBeGreaterThanOrEqual(41);
  });

  it.each([
    ["no zoom", `bbox=${BOX}`, "zoom"],
    ["zoom not a number", `bbox=${BOX}&zoom=perto`, "zoom"],
    ["zoom with a fraction", `bbox=${BOX}&zoom=12.5`, "zoom"],
    ["zoom beyond 22", `bbox=${BOX}&zoom=23`, "zoom"],
    ["negative zoom", `bbox=${BOX}&zoom=-1`, "zoom"],
    ["no bbox", "zoom=12", "bbox"],
    ["bbox with 3 numbers", "bbox=1,2,3&zoom=12", "bbox"],
    ["inverted bbox", "bbox=-47,-22,-48,-21&zoom=12", "bbox"],
    ["bbox out of range", "bbox=-200,-22,-46,-21&zoom=12", "bbox"],
  ])("refuses %s with a 400 naming the field", async (_label, query, field) => {
    const res = await call(listLogins, `/api/v1/logins?${query}`, { cookie });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe(field);
    expect(res.body.error.message).toMatch(/zoom|bbox/);
  });
});

describe("POST /api/v1/logins/count", () => {
  const ring = (w: number, s: number, e: number, n: number) => [[w, s], [e, s], [e, n], [w, n], [w, s]];

  it("counts the logins inside a drawn polygon, online and offline, boundary inside", async () => {
    // Columns 0..2 of rows 0..1: 6 logins (the west and south edges pass through logins), plus the one added above.
    const geometry = { type: "Polygon", coordinates: [ring(LNG, LAT, LNG + 2.5 * STEP, LAT + 1.5 * STEP)] };
    const res = await call(postCount, "/api/v1/logins/count", { cookie, body: { geometry } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ count: 7 });
  });

  it.each([
    ["no geometry", {}],
    ["an open ring", { geometry: { type: "Polygon", coordinates: [[[LNG, LAT], [LNG + 1, LAT], [LNG, LAT + 1]]] } }],
    ["a point out of range", { geometry: { type: "Polygon", coordinates: [ring(LNG, LAT, 190, LAT + 1)] } }],
    ["a line", { geometry: { type: "LineString", coordinates: [[LNG, LAT], [LNG + 1, LAT]] } }],
  ])("refuses %s with a 400 naming the geometry", async (_label, body) => {
    const res = await call(postCount, "/api/v1/logins/count", { cookie, body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toMatch(/^geometry/);
  });
});
