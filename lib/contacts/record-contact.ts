// A customer reached support through the chatbot: find them, record the contact, and answer with the
// maintenance message of every executing order whose region holds their login location (the same
// check as diagnosticoClienteEmAreaManutencao: one function, lib/maintenance/executing-regions, serves
// both). Aberta, Finalizada and Cancelada orders send nothing.
import { getBackend } from "../db";
import type { Principal } from "../auth/principal";
import { diagnoseCustomerOrThrow } from "../customers/diagnose-customer-or-throw";
import { contactInputSchema } from "../validation/contact";

export async function recordContact(body: unknown, principal: Principal, now = new Date()) {
  const input = contactInputSchema.parse(body);
  // The same lookup as GET /api/v1/diagnostics: a CPF/CNPJ or a code is found and diagnosed in one statement
  // (no separate resolving query on the chatbot's hottest write); a phone is resolved first (it may be shared).
  const diagnostics = await diagnoseCustomerOrThrow({ cpf: input.cpf, cnpj: input.cnpj, phone: input.phone, customerId: input.customerId }, now);
  const maintenance = diagnostics.maintenance;
  const loginId = diagnostics.login?.id ?? null;
  // One statement (a data-modifying CTE is atomic): the contact and, inside an executing region, one
  // notification row per order. An interactive transaction cost four round trips through Prisma per contact,
  // on the hottest write of the chatbot API.
  const orders = maintenance?.orders ?? [];
  const [contact] = await getBackend().query<{ id: number }>(
    `WITH c AS (
       INSERT INTO "Contact" ("customerId", channel, text, "receivedAt", "maintenanceMessageSent", "apiTokenId")
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id
     ), n AS (
       INSERT INTO "ContactNotification" ("contactId", "orderId", "loginId", message)
       SELECT c.id, o.id, $7, o.message FROM c, unnest($8::int[], $9::text[]) AS o(id, message)
     )
     SELECT id FROM c`,
    [
      diagnostics.customer.id, input.channel, input.text ?? null, now, maintenance !== null,
      principal.kind === "token" ? principal.apiTokenId : null,
      loginId, orders.map((o) => o.id), orders.map((o) => o.message),
    ],
  );
  return {
    contactId: contact!.id,
    receivedAt: now,
    customer: { id: diagnostics.customer.id, name: diagnostics.customer.name },
    inMaintenanceArea: maintenance !== null,
    /** The text to send back to the customer now, or null when there is nothing to say. */
    message: maintenance?.message ?? null,
    orders: maintenance?.orders.map((o) => ({ id: o.id, number: o.number, subject: o.subject, expectedEndAt: o.expectedEndAt })) ?? [],
    variables: diagnostics.variables,
  };
}
