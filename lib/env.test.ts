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

describe("RAIO_TIME_ZONE", () => {
  const savedZone = process.env.RAIO_TIME_ZONE;
  afterEach(() => {
    if (savedZone === undefined) delete process.env.RAIO_TIME_ZONE;
    else process.env.RAIO_TIME_ZONE = savedZone;
    resetEnvCache();
  });

  it("defaults to São Paulo", () => {
    delete process.env.RAIO_TIME_ZONE;
    resetEnvCache();
    expect(getEnv().RAIO_TIME_ZONE).toBe("America/Sao_Paulo");
  });

  it("accepts another Brazilian zone", () => {
    process.env.RAIO_TIME_ZONE = "America/Manaus";
    resetEnvCache();
    expect(getEnv().RAIO_TIME_ZONE).toBe("America/Manaus");
  });

  it("refuses an unknown zone with a clear message", () => {
    process.env.RAIO_TIME_ZONE = "Brasil/Amazonas-Oeste";
    resetEnvCache();
    expect(() => getEnv()).toThrow(/RAIO_TIME_ZONE: fuso horário desconhecido/);
  });
});
