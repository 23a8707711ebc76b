// Part of the ERP import (import-erp-folder.ts): values unique in the database that another record already holds.
import { db } from "../db";
import { formatDocument } from "../validation/document";
import type { ImportError } from "./import-erp-folder";

/**
 * A CPF/CNPJ or a login that the database already holds for ANOTHER record (other external id, or one not
 * imported) would stop the import at the first one with PostgreSQL's own message; each is listed instead,
 * with file, line and field, and nothing is imported.
 */
export async function checkHeldElsewhere(
  customers: { line: number; row: { external_id: string; document: string } }[],
  logins: { line: number; row: { external_id: string; login: string } }[],
  errors: ImportError[],
): Promise<void> {
  const [docHolders, loginHolders] = await Promise.all([
    db.customer.findMany({ where: { document: { in: customers.map((c) => c.row.document) } }, select: { id: true, externalId: true, name: true, document: true } }),
    db.login.findMany({ where: { username: { in: logins.map((l) => l.row.login) } }, select: { id: true, externalId: true, username: true } }),
  ]);
  const byDocument = new Map(docHolders.map((c) => [c.document, c]));
  const byUsername = new Map(loginHolders.map((l) => [l.username, l]));
  const ref = (id: number, externalId: string | null) => `código ${id}${externalId ? `, external_id "${externalId}"` : ", não importado"}`;
  for (const { line, row } of customers) {
    const holder = byDocument.get(row.document);
    if (holder && holder.externalId !== row.external_id) {
      const kind = row.document.length === 11 ? "CPF" : "CNPJ";
      errors.push({ file: "customers.csv", line, field: "document", message: `${kind} ${formatDocument(row.document)} já pertence a outro cliente (${ref(holder.id, holder.externalId)}: ${holder.name})` });
    }
  }
  for (const { line, row } of logins) {
    const holder = byUsername.get(row.login);
    if (holder && holder.externalId !== row.external_id) {
      errors.push({ file: "logins.csv", line, field: "login", message: `login "${row.login}" já pertence a outro login (${ref(holder.id, holder.externalId)})` });
    }
  }
}
