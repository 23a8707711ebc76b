// One message from the status page (a confirmation link, a maintenance notice) sent right away through the
// configured channel: e-mail over SMTP, or WhatsApp through the Opa! Suite template chosen in the status
// page's settings (its one variable carries the text). A channel that is off or not configured answers 503.
import { randomUUID } from "node:crypto";
import type { NotificationChannel } from "../db";
import { unavailable } from "../errors";
import { openChannel } from "../notifications/channel-settings";
import type { StatusPageSettings } from "../validation/status-page";

export interface StatusMessage {
  channel: Extract<NotificationChannel, "EMAIL" | "WHATSAPP">;
  to: string;
  subject: string;
  text: string;
  event: string;
}

const CHANNEL_LABEL = { EMAIL: "e-mail", WHATSAPP: "WhatsApp" } as const;

export async function sendStatusMessage(message: StatusMessage, settings: StatusPageSettings): Promise<void> {
  const channel = await openChannel(message.channel);
  const off = () => unavailable(`Avisos por ${CHANNEL_LABEL[message.channel]} estão indisponíveis no momento. Tente mais tarde ou use outro canal.`);
  if (!channel.ready) throw off();
  if (message.channel === "WHATSAPP" && !settings.whatsappTemplateId) throw off();
  const outcome = await channel.send({
    id: randomUUID(),
    to: message.to,
    subject: message.subject,
    text: message.text,
    whatsapp: message.channel === "WHATSAPP" ? { templateId: settings.whatsappTemplateId!, variables: [message.text] } : null,
    event: message.event,
    orderId: null,
    customerId: null,
  });
  if (!outcome.ok) {
    console.error(`[raio] página de status: envio por ${CHANNEL_LABEL[message.channel]} recusado (${outcome.answer}).`);
    throw unavailable(`Não foi possível enviar a mensagem por ${CHANNEL_LABEL[message.channel]} agora. Confira o endereço ou tente mais tarde.`);
  }
}
