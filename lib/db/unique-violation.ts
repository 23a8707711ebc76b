// Unique-constraint violations, recognised the same way on both backends and in every query shape:
// Prisma's P2002 (model queries), P2010 carrying the driver adapter's UniqueConstraintViolation (raw
// queries), or a bare PostgreSQL error 23505. lib/errors.ts answers all of them 409 in Portuguese.
// No imports: lib/errors.ts is shared widely.

export const UNIQUE_VIOLATION = "23505";

export interface PgErrorLike {
  code?: unknown;
  detail?: unknown;
  message?: unknown;
}

/** "Key (document)=(…) already exists." → ["document"] */
export function keyFields(detail: unknown): string[] | undefined {
  return typeof detail === "string" ? /Key \(([^)]+)\)/.exec(detail)?.[1]?.split(", ").map((f) => f.replace(/^"|"$/g, "")) : undefined;
}

/** The fields of a unique violation (possibly empty when unknown), or null when `err` is something else. */
export function uniqueViolationFields(err: unknown): string[] | null {
  const e = err as { code?: unknown; meta?: { target?: unknown; driverAdapterError?: { cause?: { kind?: unknown; constraint?: { fields?: unknown } } } }; cause?: PgErrorLike } | null;
  if (!e || typeof e !== "object") return null;
  const cause = e.meta?.driverAdapterError?.cause;
  if (e.code === "P2002" || cause?.kind === "UniqueConstraintViolation" || (cause as PgErrorLike | undefined)?.code === UNIQUE_VIOLATION) {
    const fields = cause?.constraint?.fields ?? e.meta?.target;
    return Array.isArray(fields) ? fields.map(String) : [];
  }
  // A bare driver error (one that did not pass through Prisma, e.g. lib/db's backend.query).
  const pg = (e.cause ?? e) as PgErrorLike;
  if (pg.code === UNIQUE_VIOLATION) return keyFields(pg.detail) ?? [];
  // Any other nesting (an adapter error wrapped once more): walk the causes, fields unknown.
  let inner: unknown = err;
  for (let depth = 0; depth < 6 && inner !== null && typeof inner === "object"; depth++) {
    const o = inner as { code?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (o.code === "P2002" || o.code === UNIQUE_VIOLATION || o.originalCode === UNIQUE_VIOLATION || o.kind === "UniqueConstraintViolation") return [];
    inner = o.meta?.driverAdapterError ?? o.cause;
  }
  return null;
}

/** Whether `err` is a unique-constraint violation (see uniqueViolationFields). */
export function isUniqueViolation(err: unknown): boolean {
  return uniqueViolationFields(err) !== null;
}
