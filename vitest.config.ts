import path from "node:path";
import { defineConfig } from "vitest/config";

// Two projects: pure unit tests (run once) and integration tests against a real database; the test
// command runs the integration project once per backend (RAIO_TEST_BACKEND=pglite|postgresql).
export default defineConfig({
  resolve: { alias: { "@": import.meta.dirname } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "prisma/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/setup/database.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite in-memory per file is CPU-bound: two workers match the two cores.
          maxWorkers: 2,
        },
      },
    ],
  },
});
