import { describe, expect, it } from "vitest";
import { allowedMethods, apiRoutes, exportedMethods } from "./api-methods";

describe("the API route table", () => {
  it("reads each route file's exported methods", () => {
    expect(exportedMethods("export const GET = withAuth(x);\nexport async function POST(req) {}")).toEqual(["GET", "POST"]);
    expect(exportedMethods("const a = 1;\nexport { a as PATCH, b }")).toEqual(["PATCH"]);
  });

  it("knows every route's methods, so a wrong one gets 405 with Allow", () => {
    expect(apiRoutes().length).toBeGreaterThan(30);
    expect(allowedMethods("/api/v1/tokens/12")).toEqual(["DELETE", "OPTIONS"]);
    expect(allowedMethods("/api/v1/service-orders/7/execute")).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethods("/api/v1/regions")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    // The JSON 404 catch-all (app/api/[...path]) is not a known route: unknown paths reach it.
    expect(allowedMethods("/api/v1/nao-existe")).toBeNull();
  });
});
