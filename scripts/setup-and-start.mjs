#!/usr/bin/env node
// The README's first command (`npm run dev`): installs dependencies when needed, prepares the database
// (migrations, then demo data when it is empty) and starts the app. Plain Node: it runs before install.
import { spawnSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";

process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.CHECKPOINT_DISABLE = "1";
const production = process.argv.includes("--prod");
const port = process.env.PORT ?? "3000";

function run(cmd, args, label) {
  const started = Date.now();
  console.log(`[raio] ${label}…`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: process.env });
  if (res.status !== 0) {
    console.error(`[raio] falhou: ${label} (código ${res.status}).`);
    process.exit(res.status ?? 1);
  }
  console.log(`[raio] ${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const lock = "package-lock.json";
const installed = "node_modules/.package-lock.json";
if (!existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)) {
  run("npm", ["install", "--no-audit", "--no-fund"], "instalando dependências");
} else if (!existsSync("lib/db/generated/client.ts")) {
  run("npx", ["prisma", "generate"], "gerando o cliente Prisma");
}
run("npx", ["tsx", "prisma/seed.ts", "--if-empty"], "preparando o banco (migrações e dados de demonstração)");
if (production) run("npx", ["next", "build"], "compilando");

console.log(`
[raio] Pronto. Abra http://localhost:${port}
[raio] Banco: ${process.env.DATABASE_URL ? "PostgreSQL (DATABASE_URL)" : `PGlite embutido em ${process.env.RAIO_DATA_DIR ?? "./data/pglite"}`}
[raio] Usuários de demonstração:
         admin@raio.local   / raio-admin    (administrador de rede)
         agente@raio.local  / raio-agente   (atendente)
         gestor@raio.local  / raio-gestor   (gestor)
`);
// The next binary itself (not through npx), so that signals reach the server and PGlite closes cleanly;
// in production, scripts/start-server.mjs (one worker per core on PostgreSQL).
const child = spawn(
  process.execPath,
  production ? ["scripts/start-server.mjs", "--port", port] : ["node_modules/next/dist/bin/next", "dev", "--port", port],
  { stdio: "inherit", env: process.env },
);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
