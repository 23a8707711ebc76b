// zod's messages in Brazilian Portuguese, configured once for the process (imported by lib/errors.ts,
// which every route loads, and lib/validation/id.ts, which the forms load). A missing field reads "campo obrigatório" instead of the locale's
// "esperava um texto, recebeu um valor undefined".
import { z } from "zod";

const holder = globalThis as unknown as { __raioZodLocale?: boolean };

if (!holder.__raioZodLocale) {
  holder.__raioZodLocale = true;
  z.config(z.locales.ptBR());
  // In the browser, zod must not probe for eval (`Function("")`): the Content-Security-Policy forbids it and
  // every probe is reported as a violation. The server keeps zod's faster compiled parsers.
  if (typeof window !== "undefined") z.config({ jitless: true });
  z.config({
    customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "campo obrigatório" : undefined),
  });
}

export {};
