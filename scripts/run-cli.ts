// Runs a command-line entry point: closes the database (PGlite must close cleanly) and exits with the
// command's code; zod errors are printed as "Campo x: message", others as their message.
import { closeDb } from "../lib/db";

export function runCli(main: () => Promise<number | void>, prefix = ""): void {
  main()
    .then(async (code) => {
      await closeDb();
      process.exit(code ?? 0);
    })
    .catch(async (err: unknown) => {
      const e = err as { issues?: { path: unknown[]; message: string }[]; message: string };
      console.error(`${prefix}${e.issues ? `Campo ${e.issues[0]?.path.join(".")}: ${e.issues[0]?.message}` : e.message}`);
      await closeDb().catch(() => undefined);
      process.exit(1);
    });
}
