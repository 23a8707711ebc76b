// Issue 11 item 3 (API side): no per-token limit existed. Each token now has a per-minute budget (per server
// process, lib/auth/token-rate-limit.ts); past it the API answers 429 with Retry-After.
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { GET as me } from "@/app/api/v1/me/route";
import { resetTokenBuckets } from "@/lib/auth/token-rate-limit";
import { call } from "../helpers/http";
import { createBearer } from "../helpers/factory";

afterEach(() => {
  delete process.env.RAIO_API_RATE_LIMIT_PER_MIN;
  resetEnvCache();
  resetTokenBuckets();
});

describe("per-token API rate limit", () => {
  it("answers 429 with Retry-After once a token passes its per-minute limit; other tokens go on", async () => {
    process.env.RAIO_API_RATE_LIMIT_PER_MIN = "5";
    resetEnvCache();
    const { token } = await createBearer("AGENT", "chatbot apressado");
    const { token: other } = await createBearer("AGENT", "outro");
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call(me, "/api/v1/me", { token })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const refused = await call(me, "/api/v1/me", { token });
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await call(me, "/api/v1/me", { token: other })).status).toBe(200);
  });
});
