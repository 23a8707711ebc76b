// "Enviar teste": one attempt on a channel, now, with the saved configuration, to an address the admin types.
// Not queued and not retried: the answer (the provider's) goes straight back to the form.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { NotificationChannel } from "../db";
import { badRequest } from "../errors";
import { toE164 } from "./choose-recipient";
import { openChannel } from "./channel-settings";
import type { SendOutcome } from "./channels/channel";

export const testNoticeSchema = z.object({
  to: z.string().trim().min(1, "informe o destino do teste").max(320),
  whatsappTemplateId: z.string().trim().max(100).optional(),
});

const TEST_TEXT = "Teste de aviso do Raio: se você recebeu esta mensagem, o canal está configurado.";

export async function sendTestNotice(channel: NotificationChannel, input: unknown): Promise<SendOutcome> {
  const { to, whatsappTemplateId } = testNoticeSchema.parse(input);
  let address = to;
  if (channel === "WHATSAPP" || channel === "SMS") {
    const phone = toE164(to);
    if (!phone) throw badRequest(`Telefone inválido: ${to}`, "to");
    address = phone.e164;
  } else if (channel === "EMAIL" && !z.email().safeParse(to).success) {
    throw badRequest(`E-mail inválido: ${to}`, "to");
  }
  if (channel === "WHATSAPP" && !whatsappTemplateId) throw badRequest("Informe o id de um template aprovado para o teste.", "whatsappTemplateId");
  const ready = await openChannel(channel);
  if (!ready.ready) throw badRequest(`Não foi possível testar: ${ready.reason}.`, "channel");
  return ready.send({
    id: randomUUID(), to: address, text: TEST_TEXT, subject: "Teste de aviso do Raio",
    whatsapp: whatsappTemplateId ? { templateId: whatsappTemplateId, variables: ["Teste"] } : null,
    event: "TEST", orderId: null, customerId: null,
  });
}
