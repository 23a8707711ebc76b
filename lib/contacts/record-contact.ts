// A customer reached support through the chatbot: find them, record the contact, and answer with the
// maintenance message of every executing order whose region holds their login location (the same
// check as diagnosticoClienteEmAreaManutencao: one function, lib/maintenance/executing-regions, serves
// both). Aberta, Finalizada and Cancelada orders send nothing.
import { db } from "../db";
import type { Principal } from "../auth/principal";
import { loadCustomerDiagnostics } from "../customer-diagnostics/load-customer-diagnostics";
import { resolveCustomerOrThrow } from "../customers/resolve-customer-or-throw";
import { contactInputSchema } from "../validation/contact";

export async function recordContact(body: unknown, principal: Principal, now = new Date()) {
  const input = contactInputSchema.parse(body);
  const resolved = await resolveCustomerOrThrow(input);
  const diagnostics = await loadCustomerDiagnostics(
    { customerId: resolved.customerId, loginId: resolved.loginId, contractId: undefined, expectedTechnology: null },
    now,
  );
  const maintenance = diagnostics.maintenance;
  const loginId = diagnostics.login?.id ?? null;
  const contact = await db.$transaction(async (tx) => {
    const created = await tx.contact.create({
      data: {
        customerId: resolved.customerId,
        channel: input.channel,
        text: input.text ?? null,
        receivedAt: now,
        maintenanceMessageSent: maintenance !== null,
        apiTokenId: principal.kind === "token" ? principal.apiTokenId : null,
      },
      select: { id: true, receivedAt: true },
    });
    if (maintenance) {
      await tx.contactNotification.createMany({
        data: maintenance.orders.map((o) => ({ contactId: created.id, orderId: o.id, loginId, message: o.message })),
      });
    }
    return created;
  });
  return {
    contactId: contact.id,
    receivedAt: contact.receivedAt,
    customer: { id: diagnostics.customer.id, name: diagnostics.customer.name },
    inMaintenanceArea: maintenance !== null,
    /** The text to send back to the customer now, or null when there is nothing to say. */
    message: maintenance?.message ?? null,
    orders: maintenance?.orders.map((o) => ({ id: o.id, number: o.number, subject: o.subject, expectedEndAt: o.expectedEndAt })) ?? [],
    variables: diagnostics.variables,
  };
}
