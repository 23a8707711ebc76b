// zod's messages in Brazilian Portuguese, configured once for the process (imported by lib/errors.ts,
// which every route loads). A missing field reads "campo obrigatório" instead of the locale's
// "esperava um texto, recebeu um valor undefined".
import { z } from "zod";

const holder = globalThis as unknown as { __raioZodLocale?: boolean };

if (!holder.__raioZodLocale) {
  holder.__raioZodLocale = true;
  z.config(z.locales.ptBR());
  z.config({
    customError: (issue) => (issue.code === "invalid_type" && issue.input === undefined ? "campo obrigatório" : undefined),
  });
}

export {};
