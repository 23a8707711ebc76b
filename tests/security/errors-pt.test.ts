// Issue 11 item 7: every API error in Portuguese, in the README's shape, with the right status.
// (JSON 404 for unknown routes and 405 for wrong methods: e2e/security.spec.ts, through the real server.)
import { beforeAll, describe, expect, it } from "vitest";
import { POST as regions } from "@/app/api/v1/regions/route";
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
});
