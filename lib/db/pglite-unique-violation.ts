// pglite-prisma-adapter 0.6 reports PostgreSQL's error 23505 as a bare "postgres" error, where
// @prisma/adapter-pg reports a UniqueConstraintViolation: on PGlite a duplicate then reached users as
// PostgreSQL's English text ("duplicate key value violates unique constraint …") and a 500, on PostgreSQL
// as Prisma's P2002. pglitePostgresErrorKinds() makes the PGlite adapter report it as adapter-pg does, so
// Prisma raises P2002 on both backends.
import { DriverAdapterError, type SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { keyFields, UNIQUE_VIOLATION, type PgErrorLike } from "./unique-violation";

const PATCHED = Symbol.for("raio.pgliteUniqueViolation");

/** Wraps the PGlite adapter factory so that unique violations carry the kind Prisma maps to P2002. */
export function pglitePostgresErrorKinds<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    // The adapter and its transactions share one base class whose onError turns driver errors into
    // DriverAdapterError: patched once, there.
    const base = Object.getPrototypeOf(Object.getPrototypeOf(adapter)) as Record<string | symbol, unknown>;
    const original = base.onError as ((this: unknown, e: unknown) => never) | undefined;
    if (typeof original === "function" && !base[PATCHED]) {
      base[PATCHED] = true;
      base.onError = function onError(this: unknown, error: unknown): never {
        const e = error as PgErrorLike | null;
        if (e?.code === UNIQUE_VIOLATION) {
          const fields = keyFields(e.detail);
          throw new DriverAdapterError({
            kind: "UniqueConstraintViolation",
            constraint: fields ? { fields } : undefined,
            originalCode: UNIQUE_VIOLATION,
            originalMessage: String(e.message ?? ""),
          });
        }
        return original.call(this, error);
      };
    }
    return adapter;
  };
  return factory;
}

