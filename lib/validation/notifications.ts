// The notification settings a subject saves per event, and a customer's opt-outs: one schema per body,
// shared by the routes and the forms. A text using a variable the event does not have is refused with 400
// naming the field ("template", "emailSubject", "whatsappVariables.1").
import { z } from "zod";
import type { NotificationEvent } from "../db";
import { NOTIFICATION_CHANNELS, NOTIFICATION_EVENTS, refuseVariable } from "../notifications/notification-events";
import { listTemplateVariables } from "../templates/render-template";

/** Longest notice text (an e-mail body; SMS gateways split long texts themselves). */
export const MAX_TEMPLATE_LENGTH = 2000;
const MAX_SUBJECT_LINE = 200;
/** Opa! Suite templates have a handful of parameters; more is a typo. */
const MAX_WHATSAPP_VARIABLES = 20;

export const notificationEventSchema = z
  .string()
  .transform((v) => v.trim().toUpperCase().replace(/-/g, "_"))
  .pipe(z.enum(NOTIFICATION_EVENTS, { error: `Evento desconhecido: use ${NOTIFICATION_EVENTS.join(", ")}` }));
export const notificationChannelSchema = z.enum(NOTIFICATION_CHANNELS, { error: `Canal desconhecido: use ${NOTIFICATION_CHANNELS.join(", ")}` });

const baseSchema = z.object({
  template: z.string().trim().max(MAX_TEMPLATE_LENGTH, `texto com no máximo ${MAX_TEMPLATE_LENGTH} caracteres`).default(""),
  emailSubject: z
    .string()
    .trim()
    .max(MAX_SUBJECT_LINE, `assunto com no máximo ${MAX_SUBJECT_LINE} caracteres`)
    .nullish()
    .transform((v) => (v ? v : null)),
  channels: z.array(notificationChannelSchema).max(NOTIFICATION_CHANNELS.length).default([]).transform((c) => [...new Set(c)]),
  whatsappTemplateId: z
    .string()
    .trim()
    .max(100, "id do template com no máximo 100 caracteres")
    .nullish()
    .transform((v) => (v ? v : null)),
  whatsappVariables: z.array(z.string().trim().min(1, "nome vazio")).max(MAX_WHATSAPP_VARIABLES).default([]),
});

/** The body of PUT /api/v1/subjects/{id}/notifications/{event}, checked against that event's variables. */
export function subjectNotificationInputSchema(event: NotificationEvent) {
  return baseSchema.superRefine((data, ctx) => {
    const check = (text: string | null, path: (string | number)[]) => {
      for (const name of text ? listTemplateVariables(text) : []) {
        const why = refuseVariable(event, name);
        if (why) return ctx.addIssue({ code: "custom", path, message: why });
      }
    };
    check(data.template, ["template"]);
    check(data.emailSubject, ["emailSubject"]);
    data.whatsappVariables.forEach((name, i) => {
      const why = refuseVariable(event, name);
      if (why) ctx.addIssue({ code: "custom", path: ["whatsappVariables", i], message: why });
    });
    const textChannels = data.channels.filter((c) => c !== "WHATSAPP");
    if (textChannels.length > 0 && data.template === "") {
      ctx.addIssue({ code: "custom", path: ["template"], message: "Escreva o texto do aviso (usado por e-mail, SMS e webhook)." });
    }
    if (data.channels.includes("WHATSAPP") && !data.whatsappTemplateId) {
      ctx.addIssue({ code: "custom", path: ["whatsappTemplateId"], message: "Informe o id do template aprovado no Opa! Suite para enviar por WhatsApp." });
    }
  });
}
export type SubjectNotificationInput = z.infer<ReturnType<typeof subjectNotificationInputSchema>>;

/** PUT /api/v1/customers/{id}/notification-opt-outs: the channels the customer does NOT want to be told on. */
export const optOutInputSchema = z.object({
  channels: z.array(notificationChannelSchema).max(NOTIFICATION_CHANNELS.length).transform((c) => [...new Set(c)]),
});
