// Issue 11 item 7: every API error in Portuguese, in the README's shape, with the right status.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as regions } from "@/app/api/v1/regions/route";
import { GET as unknownGet, POST as unknownPost } from "@/app/api/[...path]/route";
import { allowedMethods, apiRoutes } from "@/lib/http/api-methods";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { createMaintenanceSubject, validBody } from "../orders/fixtures";

let admin: { cookie: string };
beforeAll(async () => {
  await createMaintenanceSubject("Manutenção em massa");
  admin = await loginAs("ADMIN");
});

describe("Portuguese errors", () => {
  it("a missing object names the field in Portuguese (was: 'Invalid input: expected object, received undefined')", async () => {
    const { region: _omitted, ...body } = validBody();
    const res = await call(regions, "/api/v1/regions", { cookie: admin.cookie, body });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("region");
    expect(res.body.error.message).toBe("Campo region: campo obrigatório");
  });

  it("a value of the wrong type is described in Portuguese", async () => {
    const res = await call(regions, "/api/v1/regions", { cookie: admin.cookie, body: validBody({ planned: "talvez" }) });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("planned");
    expect(res.body.error.message).not.toMatch(/Invalid|expected|received/);
    expect(res.body.error.message).toMatch(/esperava/);
  });

  it("an unknown /api/v1 path is a JSON 404 in the API's error shape, for any method", async () => {
    for (const handler of [unknownGet, unknownPost]) {
      const res = await call(handler, "/api/v1/nao-existe", { method: handler === unknownGet ? "GET" : "POST" });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/application\/json/);
      expect(res.body.error).toMatchObject({ code: "NOT_FOUND" });
      expect(res.body.error.message).toContain("/api/v1/nao-existe");
    }
  });

  it("the route table knows each route's methods, so a wrong one gets 405 with Allow", () => {
    expect(apiRoutes().length).toBeGreaterThan(30);
    expect(allowedMethods("/api/v1/tokens/12")?.sort()).toEqual(["DELETE", "OPTIONS"]);
    expect(allowedMethods("/api/v1/service-orders/7/execute")?.sort()).toEqual(["OPTIONS", "POST"]);
    expect(allowedMethods("/api/v1/regions")?.sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    // The JSON 404 catch-all is not a "known" route.
    expect(allowedMethods("/api/v1/nao-existe")).toBeNull();
  });
});
