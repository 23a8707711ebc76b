// The FTTH plant's columns of a login row (logins.csv, the push API, the ERP connectors): which CTO the login
// hangs from and on which port. Both optional; empty = the login hangs from no CTO (radio, or unknown plant).
// Kept free of lib/import's imports: the login row schema spreads these columns in.
import { z } from "zod";

/** Largest CTO port number accepted (real CTOs have 8–16 ports; splitters cascade up to 128). */
export const MAX_CTO_PORT = 1_024;

export const OPTIONAL_PLANT_COLUMNS = ["cto_external_id", "cto_port"] as const;

export const loginPlantColumns = {
  cto_external_id: z.string().transform((v) => (v.trim() === "" ? null : v.trim())),
  cto_port: z.string().transform((v, ctx) => {
    if (v.trim() === "") return null;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > MAX_CTO_PORT) {
      ctx.addIssue({ code: "custom", message: `porta da CTO inteira de 1 a ${MAX_CTO_PORT}: "${v}"` });
      return z.NEVER;
    }
    return n;
  }),
};
