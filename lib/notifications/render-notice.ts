// One notice's texts for one customer: the subject's {{variavel}} text for the event rendered by the app's one
// renderer with the customer's and the order's values (buildTemplateValues) plus the event's own variables.
import { formatCurrency } from "../format/number";
import { formatDateTime } from "../format/date-time";
import { buildTemplateValues } from "../templates/build-template-values";
import { renderTemplate } from "../templates/render-template";
import { formatPhone } from "../validation/phone";
import type { OutgoingNotice } from "./channels/channel";
import type { NoticeCustomer, NoticeOrder } from "./load-notice-context";
import { EVENT_LABELS } from "./notification-events";

/** The e-mail subject line when the subject did not write one. */
const DEFAULT_EMAIL_SUBJECT = "{{assunto}} – OS {{os}}";

export function renderNotice(customer: NoticeCustomer, order: NoticeOrder, discountCents: number | undefined, finalizedAt?: Date) {
  const values: Record<string, string> = {
    ...buildTemplateValues(
      {
        customer: { id: customer.id, name: customer.name, document: customer.document, branch: { central: customer.central, centralPhone: customer.centralPhone } },
        contract: customer.contractId !== null ? { id: customer.contractId, plan: { name: customer.planName ?? "" } } : null,
        login: customer.username !== null ? { username: customer.username } : null,
        variables: {} as Parameters<typeof buildTemplateValues>[0]["variables"],
      },
      { number: order.number, expectedEndAt: order.expectedEndAt, subjectName: order.subjectName },
    ),
    telefoneCentral: customer.centralPhone ? formatPhone(customer.centralPhone) : "",
    ...order.vars,
  };
  if (order.event === "ORDER_FINALIZED") {
    values.desconto = discountCents ? `Você terá um desconto de ${formatCurrency(discountCents)} na próxima fatura.` : "";
    values.finalizadaEm ??= finalizedAt ? formatDateTime(finalizedAt) : "";
  }
  const render = (t: string) => renderTemplate(t, values).trim();
  return {
    text: render(order.template),
    subject: render(order.emailSubject ?? DEFAULT_EMAIL_SUBJECT) || EVENT_LABELS[order.event],
    whatsapp: order.whatsappTemplateId ? { templateId: order.whatsappTemplateId, variables: order.whatsappVariables.map((name) => values[name] ?? "") } : null,
  } satisfies Pick<OutgoingNotice, "text" | "subject" | "whatsapp">;
}
