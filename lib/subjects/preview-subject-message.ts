// The subject editor's preview: the message rendered for a real sample customer and a sample order.
import { db } from "../db";
import { renderTemplate } from "../diagnostics/render-template";
import { maintenanceMessageValues } from "../maintenance/maintenance-message-values";

// The preview's order ends this long after now (a typical 4-hour window).
const SAMPLE_EXPECTED_END_MS = 4 * 3_600_000;

export async function previewSubjectMessage(message: string, subjectName: string, customerId?: number) {
  const customer =
    (customerId ? await db.customer.findUnique({ where: { id: customerId }, select: { id: true, name: true, neighborhood: true } }) : null) ??
    (await db.customer.findFirst({ where: { active: true }, orderBy: { id: "asc" }, select: { id: true, name: true, neighborhood: true } })) ??
    { id: 0, name: "Maria Exemplo", neighborhood: "Centro" };
  const values = maintenanceMessageValues(customer, {
    number: 123,
    description: "Manutenção de exemplo",
    expectedEndAt: new Date(Date.now() + SAMPLE_EXPECTED_END_MS),
    subjectName,
  });
  return { customer, text: renderTemplate(message, values) };
}
