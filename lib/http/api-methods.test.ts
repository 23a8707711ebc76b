import { describe, expect, it } from "vitest";
import { allowedMethods, apiRoutes } from "./api-methods";

describe("the API route table", () => {
  it("knows every route's methods, so a wrong one gets 405 with Allow", () => {
    expect(apiRoutes().length).toBeGreaterThan(30);
    expect(allowedMethods("/api/v1/tokens/12")).toEqual(["PATCH", "DELETE", "OPTIONS"]);
    expect(allowedMethods("/api/v1/service-orders/7/execute")).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethods("/api/v1/regions")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    expect(allowedMethods("/api/v1/regions/")).toEqual(["GET", "HEAD", "POST", "OPTIONS"]);
    // The JSON 404 catch-all (app/api/[...path]) is not a known route: unknown paths reach it.
    expect(allowedMethods("/api/v1/nao-existe")).toBeNull();
    expect(allowedMethods("/api/v1/service-orders/7/execute/extra")).toBeNull();
  });

  it("prefers a literal path segment over a parameter", () => {
    expect(allowedMethods("/api/v1/subjects/preview")).toEqual(["POST", "OPTIONS"]);
    expect(allowedMethods("/api/v1/subjects/3")).toEqual(["PATCH", "OPTIONS"]);
  });
});
