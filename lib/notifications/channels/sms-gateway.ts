// SMS through the ISP's HTTP gateway, whatever its shape: URL, method, headers and a body template with
// {{telefone}} ("+5519998765432"), {{telefoneSemMais}} ("5519998765432") and {{mensagem}}. Values are escaped
// for where they land — JSON string content, form fields or URL query (URL-encoded) — and rendered by the
// app's one template renderer. The gateway's answer decides like any HTTP channel (4xx permanent).
import { renderTemplate } from "../../templates/render-template";
import { httpAttempt, type ChannelAdapter } from "./channel";

export interface SmsGatewayConfig {
  url: string;
  method: "POST" | "GET";
  headers: Record<string, string>;
  bodyTemplate: string;
  bodyEncoding: "json" | "form" | "text";
}

const CONTENT_TYPES = { json: "application/json", form: "application/x-www-form-urlencoded", text: "text/plain; charset=utf-8" };

function escapeFor(encoding: SmsGatewayConfig["bodyEncoding"] | "url", value: string): string {
  if (encoding === "json") return JSON.stringify(value).slice(1, -1);
  if (encoding === "form" || encoding === "url") return encodeURIComponent(value);
  return value;
}

export function buildSmsRequest(config: SmsGatewayConfig, to: string, text: string): { url: string; init: RequestInit } {
  const values = (encoding: SmsGatewayConfig["bodyEncoding"] | "url") => ({
    telefone: escapeFor(encoding, to),
    telefoneSemMais: escapeFor(encoding, to.replace(/^\+/, "")),
    mensagem: escapeFor(encoding, text),
  });
  const url = renderTemplate(config.url, values("url"));
  const headers = new Headers(config.headers);
  if (config.method === "GET") return { url, init: { method: "GET", headers } };
  if (!headers.has("content-type")) headers.set("content-type", CONTENT_TYPES[config.bodyEncoding]);
  return { url, init: { method: "POST", headers, body: renderTemplate(config.bodyTemplate, values(config.bodyEncoding)) } };
}

export const smsGatewayAdapter: ChannelAdapter<SmsGatewayConfig> = {
  channel: "SMS",
  async send(config, notice) {
    const { url, init } = buildSmsRequest(config, notice.to, notice.text);
    return httpAttempt(url, init);
  },
};
