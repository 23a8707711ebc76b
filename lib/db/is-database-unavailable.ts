// Whether an error means "the database cannot be reached right now" (server down, restarting, network cut,
// pool exhausted) rather than a bad query: such errors are answered 503 with Retry-After, never 500.
// Errors arrive in three shapes: Prisma's (P1001, P1002, P1017, or a driver-adapter error whose cause has a
// `kind`), node-postgres's (a socket `code`, or a SQLSTATE of class 08 / 57P0x), or a plain message.

const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EPIPE", "EAI_AGAIN"]);
// SQLSTATE: 08xxx connection exception; 57P01..57P03 server shutting down / cannot connect now; 53300 too many connections.
const SQLSTATE = /^(08\d{3}|57P0[123]|53300)$/;
const MESSAGES = /Connection terminated|Can't reach database server|terminating connection due to administrator command|the database system is (starting up|shutting down)|Client has encountered a connection error|timeout exceeded when trying to connect/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e !== null && typeof e === "object"; depth++) {
    const o = e as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof o.code === "string" && (PRISMA_CODES.has(o.code) || SOCKET_CODES.has(o.code) || SQLSTATE.test(o.code))) return true;
    if (typeof o.kind === "string" && ADAPTER_KINDS.has(o.kind)) return true;
    if (o.kind === "postgres" && typeof (o as { code?: unknown }).code === "string" && SQLSTATE.test(String(o.code))) return true;
    if (typeof o.message === "string" && MESSAGES.test(o.message)) return true;
    e = o.meta?.driverAdapterError ?? o.cause;
  }
  return false;
}
