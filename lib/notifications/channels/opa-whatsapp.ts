// WhatsApp through Opa! Suite's approved templates: the legal way to message a customer first on WhatsApp.
//   POST {baseUrl}/template/send   Authorization: Bearer <token>   Content-Type: application/json
//   { "contato": { "canalCliente": "<phone>" }, "template": { "_id": "<template id>", "variaveis": [...] }, "canal": "<channel id>" }
// Assumptions (no live Opa! Suite reachable; taken from third-party code that calls this endpoint):
// - canalCliente is the phone as digits with the country code and no "+" ("5519998765432");
// - variaveis is an array of strings in the template's parameter order;
// - success is any 2xx; a refused template or an invalid number comes back as a 4xx (permanent: not retried).
import { httpAttempt, type ChannelAdapter } from "./channel";

export interface WhatsappCredentials {
  baseUrl: string;
  channelId: string;
  token: string;
}

export function opaTemplateBody(to: string, channelId: string, templateId: string, variables: string[]) {
  return { contato: { canalCliente: to.replace(/^\+/, "") }, template: { _id: templateId, variaveis: variables }, canal: channelId };
}

export const opaWhatsappAdapter: ChannelAdapter<WhatsappCredentials> = {
  channel: "WHATSAPP",
  async send(config, notice) {
    if (!notice.whatsapp) return { ok: false, permanent: true, answer: "assunto sem template do Opa! Suite para este evento" };
    const body = opaTemplateBody(notice.to, config.channelId, notice.whatsapp.templateId, notice.whatsapp.variables);
    return httpAttempt(`${config.baseUrl.replace(/\/+$/, "")}/template/send`, {
      method: "POST",
      headers: { authorization: `Bearer ${config.token}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(body),
    });
  },
};
