// The one schema for a database id, in a path ({id}), a query filter (?orderId=) or a body field.
// Ids are PostgreSQL `integer` columns: a value above 2,147,483,647 would reach the database as an
// out-of-range parameter (Prisma P2020, a 500); it is refused here as a 400 naming the field.
import { z } from "zod";
import "./zod-locale";

/** Largest value of a PostgreSQL `integer` (int4) column. */
export const MAX_DB_ID = 2_147_483_647;

/** A positive 32-bit integer given as a number or a decimal string. */
export const idSchema = z.coerce
  .number({ error: "informe um número" })
  .int("informe um número inteiro")
  .positive("informe um número positivo")
  .max(MAX_DB_ID, `número grande demais (máximo ${MAX_DB_ID.toLocaleString("pt-BR")})`);

/** Route params `{ id }`: a bad id answers 400 with field "id". */
export const idParamSchema = z.object({ id: idSchema });
