// Prisma CLI configuration: the JS engine with driver adapters, so that no native engine is ever
// downloaded. The app itself applies migrations with scripts/migrate.ts (lib/db/migrate.ts), which
// works the same on PGlite and PostgreSQL; this config serves `prisma generate` and `prisma migrate diff`.
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

if (existsSync(".env")) process.loadEnvFile(".env");
// The CLI must be able to parse the datasource URL even when the embedded database is used.
process.env.DATABASE_URL ??= "postgresql://raio@localhost:5432/raio";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite());
  },
});
