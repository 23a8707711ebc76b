// TLS to a PostgreSQL server, read from the libpq parameters of DATABASE_URL (managed services usually
// require it): ?sslmode=disable|prefer|require|verify-ca|verify-full and ?sslrootcert=/path/ca.pem.
//   absent, disable, allow, prefer → no TLS (node-postgres cannot fall back from TLS to plain text, so
//                                    "prefer" connects without it, as before)
//   require     → TLS without checking the server's certificate (libpq's meaning); with sslrootcert, the
//                 certificate is checked against that CA, as libpq does
//   verify-ca   → TLS, certificate signed by a trusted CA (sslrootcert, else the system's CAs), any name
//   verify-full → TLS, trusted certificate AND host name matching it (the safe choice)
import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";

const SSL_MODES = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"] as const;

export function postgresSsl(params: URLSearchParams): ConnectionOptions | undefined {
  const mode = params.get("sslmode") ?? "disable";
  if (!(SSL_MODES as readonly string[]).includes(mode)) {
    throw new Error(`DATABASE_URL: sslmode "${mode}" desconhecido (use ${SSL_MODES.join(", ")})`);
  }
  if (mode === "disable" || mode === "allow" || mode === "prefer") return undefined;
  const rootCert = params.get("sslrootcert");
  let ca: string | undefined;
  if (rootCert) {
    try {
      ca = readFileSync(rootCert, "utf8");
    } catch (err) {
      throw new Error(`DATABASE_URL: não foi possível ler sslrootcert ${rootCert}: ${(err as Error).message}`);
    }
  }
  if (mode === "require" && ca === undefined) return { rejectUnauthorized: false };
  return {
    rejectUnauthorized: true,
    ...(ca !== undefined ? { ca } : {}),
    // verify-ca checks the chain only; verify-full (and require with a CA) also the host name.
    ...(mode === "verify-ca" ? { checkServerIdentity: () => undefined } : {}),
  };
}
