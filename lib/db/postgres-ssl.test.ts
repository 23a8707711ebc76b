import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postgresSsl } from "./postgres-ssl";

const params = (query: string) => new URL(`postgresql://raio@db.example.com/raio${query}`).searchParams;

describe("TLS to PostgreSQL from DATABASE_URL's sslmode", () => {
  it.each([
    { label: "no sslmode", query: "" },
    { label: "disable", query: "?sslmode=disable" },
    { label: "prefer", query: "?sslmode=prefer" },
  ])("connects without TLS for $label", ({ query }) => {
    expect(postgresSsl(params(query))).toBeUndefined();
  });

  it("encrypts without checking the certificate for require (libpq's meaning)", () => {
    expect(postgresSsl(params("?sslmode=require"))).toEqual({ rejectUnauthorized: false });
  });

  it("checks the certificate and the host name for verify-full", () => {
    const ssl = postgresSsl(params("?sslmode=verify-full"));
    expect(ssl).toEqual({ rejectUnauthorized: true });
  });

  it("checks the chain against sslrootcert but not the name for verify-ca", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "raio-ssl-"));
    const ca = path.join(dir, "ca.pem");
    writeFileSync(ca, "-----BEGIN CERTIFICATE-----\nfake\n-----END CERTIFICATE-----\n");
    const ssl = postgresSsl(params(`?sslmode=verify-ca&sslrootcert=${encodeURIComponent(ca)}`));
    expect(ssl?.rejectUnauthorized).toBe(true);
    expect(ssl?.ca).toContain("BEGIN CERTIFICATE");
    expect(ssl?.checkServerIdentity?.("db.example.com", {} as never)).toBeUndefined();
  });

  it("names the bad value: an unknown mode or an unreadable CA file", () => {
    expect(() => postgresSsl(params("?sslmode=sim"))).toThrow(/sslmode "sim" desconhecido/);
    expect(() => postgresSsl(params("?sslmode=verify-full&sslrootcert=/nao/existe.pem"))).toThrow(/sslrootcert \/nao\/existe.pem/);
  });
});
