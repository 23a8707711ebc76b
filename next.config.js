// @ts-check
// Next.js configuration. Plain JavaScript typed through JSDoc, so it loads without a TypeScript step.

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite (wasm + data files) and pg must stay plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "@prisma/adapter-pg", "pg-boss"],
  // Separate build folders let several builds coexist (tests on another port while developing).
  distDir: process.env.RAIO_DIST_DIR ?? ".next",
  poweredByHeader: false,
  typedRoutes: false,
  devIndicators: false,
};

export default nextConfig;
