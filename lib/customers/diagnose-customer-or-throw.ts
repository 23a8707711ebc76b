// Lookup → customer → diagnostics: what the diagnostics and render routes share.
import { formatDocument } from "../validation/document";
import { loadCustomerDiagnostics } from "../customer-diagnostics/load-customer-diagnostics";
import type { CustomerLookup } from "../validation/customer-lookup";
import { resolveCustomerOrThrow } from "./resolve-customer-or-throw";

export async function diagnoseCustomerOrThrow(lookup: CustomerLookup, now: Date = new Date()) {
  // The chatbot's usual call names the customer by one unique key: load directly, saving a query.
  const document = lookup.cpf ?? lookup.cnpj;
  const single = [lookup.cpf, lookup.cnpj, lookup.phone, lookup.login, lookup.customerId].filter((v) => v !== undefined).length === 1;
  if (single && (document !== undefined || lookup.customerId !== undefined)) {
    const diagnostics = await loadCustomerDiagnostics(
      {
        customerId: lookup.customerId,
        document,
        notFoundMessage: document !== undefined ? `Nenhum cliente encontrado com o ${document.length === 11 ? "CPF" : "CNPJ"} ${formatDocument(document)}.` : `Nenhum cliente encontrado com o código ${lookup.customerId}.`,
        contractId: lookup.contractId,
        expectedTechnology: lookup.expectedTechnology ?? null,
      },
      now,
    );
    return { lookup: { by: lookup.customerId !== undefined ? "customerId" : lookup.cpf !== undefined ? "cpf" : "cnpj" }, ...diagnostics };
  }
  const resolved = await resolveCustomerOrThrow(lookup);
  const diagnostics = await loadCustomerDiagnostics(
    {
      customerId: resolved.customerId,
      contractId: lookup.contractId,
      loginId: resolved.loginId,
      expectedTechnology: lookup.expectedTechnology ?? null,
    },
    now,
  );
  return { lookup: { by: resolved.by }, ...diagnostics };
}
