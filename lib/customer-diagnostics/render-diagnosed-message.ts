import type { TemplateOrder } from "../templates/build-template-values";
import { buildTemplateValues } from "../templates/build-template-values";
import { renderTemplate } from "../templates/render-template";
import type { DiagnosticsAnswer } from "./shape-diagnostics-response";

type Diagnosed = Pick<DiagnosticsAnswer, "customer" | "contract" | "login" | "variables" | "maintenance">;

/**
 * The {{variavel}} values of a customer whose diagnostics were just loaded: their variables, fields,
 * contract and login, and the order's fields — `order` when given, else the first executing order at their
 * point (none: {{os}}, {{previsao}} and {{assunto}} have no value).
 */
export function diagnosedTemplateValues(d: Diagnosed, order?: TemplateOrder): Record<string, string> {
  const executing = d.maintenance?.orders[0];
  return buildTemplateValues(
    {
      customer: { id: d.customer.id, name: d.customer.name, document: d.customer.document, branch: d.customer.branch },
      contract: d.contract,
      login: d.login,
      variables: d.variables,
    },
    order ?? (executing ? { number: executing.number, expectedEndAt: executing.expectedEndAt, subjectName: executing.subject, lastUpdate: executing.lastUpdate } : undefined),
  );
}

/** A {{variavel}} template rendered for a customer whose diagnostics were just loaded (see diagnosedTemplateValues). */
export function renderDiagnosedMessage(template: string, d: Diagnosed, order?: TemplateOrder): string {
  return renderTemplate(template, diagnosedTemplateValues(d, order));
}
