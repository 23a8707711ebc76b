// Whether an error is a unique-constraint violation, in every shape it arrives in: Prisma's P2002, or a
// driver-adapter error (the PGlite adapter passes some through unmapped) whose cause says
// UniqueConstraintViolation or carries SQLSTATE 23505.
export function isUniqueViolation(err: unknown): boolean {
  let e: unknown = err;
  for (let depth = 0; depth < 6 && e !== null && typeof e === "object"; depth++) {
    const o = e as { code?: unknown; kind?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (o.code === "P2002" || o.code === "23505" || o.originalCode === "23505" || o.kind === "UniqueConstraintViolation") return true;
    e = o.meta?.driverAdapterError ?? o.cause;
  }
  return false;
}
