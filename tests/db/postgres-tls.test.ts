// A managed PostgreSQL usually requires TLS: DATABASE_URL's sslmode turns it on (lib/db/postgres-ssl.ts).
// Runs on the PostgreSQL backend only: the test turns TLS on in the throwaway cluster with a certificate it
// makes for 127.0.0.1 (openssl), then connects the way the app does.
import { execFileSync } from "node:child_process";
import { chownSync, chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBackend, type Backend } from "@/lib/db/backend";
import { getBackend } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";

const onPostgres = process.env.RAIO_TEST_BACKEND === "postgresql";
const appUrl = process.env.DATABASE_URL ?? "";
let certFile = "";
let tlsDir = "";

/** A backend opened with this DATABASE_URL, as the app opens it. */
async function connectWith(url: string, fn: (backend: Backend) => Promise<void>) {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  resetEnvCache();
  const backend = createBackend();
  try {
    await fn(backend);
  } finally {
    await backend.close();
    process.env.DATABASE_URL = saved;
    resetEnvCache();
  }
}

const usesTls = async (backend: Backend) =>
  (await backend.query<{ ssl: boolean }>("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))[0]?.ssl;

describe.skipIf(!onPostgres)("TLS to PostgreSQL (sslmode in DATABASE_URL)", () => {
  beforeAll(async () => {
    const admin = getBackend();
    const [{ data_directory: dataDir }] = (await admin.query<{ data_directory: string }>("SHOW data_directory")) as [{ data_directory: string }];
    const dir = (tlsDir = mkdtempSync(path.join(tmpdir(), "raio-pg-tls-")));
    const key = path.join(dir, "server.key");
    certFile = path.join(dir, "server.crt");
    execFileSync("openssl", [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", certFile,
    ], { stdio: "ignore" });
    // The server reads them as the cluster's owner; the key must not be readable by others.
    const owner = statSync(dataDir);
    for (const f of [dir, key, certFile]) chownSync(f, owner.uid, owner.gid);
    chmodSync(key, 0o600);
    // ALTER SYSTEM runs outside a transaction: one statement at a time.
    for (const sql of [`ALTER SYSTEM SET ssl_cert_file = '${certFile}'`, `ALTER SYSTEM SET ssl_key_file = '${key}'`, "ALTER SYSTEM SET ssl = on"]) {
      await admin.query(sql);
    }
    await admin.query("SELECT pg_reload_conf()");
  });

  afterAll(async () => {
    for (const sql of ["ALTER SYSTEM RESET ssl", "ALTER SYSTEM RESET ssl_cert_file", "ALTER SYSTEM RESET ssl_key_file", "SELECT pg_reload_conf()"]) {
      await getBackend().query(sql);
    }
    // The certificate and its private key go with the test (the server no longer reads them).
    if (tlsDir) rmSync(tlsDir, { recursive: true, force: true });
  });

  const withParams = (query: string) => {
    const u = new URL(appUrl);
    for (const [k, v] of new URLSearchParams(query)) u.searchParams.set(k, v);
    return u.toString();
  };

  it("connects in plain text without sslmode, as before", async () => {
    await connectWith(withParams(""), async (b) => expect(await usesTls(b)).toBe(false));
  });

  it("encrypts with sslmode=require", async () => {
    await connectWith(withParams("sslmode=require"), async (b) => expect(await usesTls(b)).toBe(true));
  });

  it("encrypts and checks the certificate with sslmode=verify-full and the CA in sslrootcert", async () => {
    await connectWith(withParams(`sslmode=verify-full&sslrootcert=${certFile}`), async (b) => expect(await usesTls(b)).toBe(true));
  });

  it("refuses a server whose certificate no trusted CA signed (verify-full without sslrootcert)", async () => {
    await expect(connectWith(withParams("sslmode=verify-full"), async (b) => void (await usesTls(b)))).rejects.toThrow(/self[- ]signed/i);
  });
});
