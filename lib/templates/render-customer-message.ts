// The one way a {{variavel}} message is rendered for a customer — the maintenance return message, the
// campaign text, the subject editor's preview and POST /api/v1/render — so a template means the same
// everywhere.
import { buildTemplateValues, type TemplateOrder, type TemplateSubject } from "./build-template-values";
import { renderTemplate } from "./render-template";

export function renderCustomerMessage(template: string, subject: TemplateSubject, order?: TemplateOrder): string {
  return renderTemplate(template, buildTemplateValues(subject, order));
}
