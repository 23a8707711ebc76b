import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvCache } from "./env";

const saved = process.env.DATABASE_URL;
afterEach(() => {
  if (saved === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = saved;
  resetEnvCache();
});

describe("DATABASE_URL", () => {
  it.each([
    ["another scheme", "mysql://u@h/db", /deve começar com postgresql:\/\//],
    ["no database name", "postgresql://u@localhost:5432", /malformada/],
    ["garbage", "postgresql://", /deve começar|malformada/],
  ])("refuses %s with a clear message", (_label, value, message) => {
    process.env.DATABASE_URL = value;
    resetEnvCache();
    expect(() => getEnv()).toThrow(message);
  });

  it("means the embedded database when unset or empty", () => {
    process.env.DATABASE_URL = "";
    resetEnvCache();
    expect(getEnv().DATABASE_URL).toBeUndefined();
  });
});
