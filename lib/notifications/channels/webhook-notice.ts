// The outgoing webhook as a notification channel: one signed POST per notice to the webhook configured in
// Configurações (same URL, secret, signature and delivery log as the order webhooks: attemptWebhookDelivery).
// X-Raio-Delivery is the notice's id, stable across retries, so the receiver can deduplicate.
import { attemptWebhookDelivery } from "../../webhooks/deliver-webhook";
import { signWebhook } from "../../webhooks/sign-webhook";
import type { ChannelAdapter } from "./channel";

export interface WebhookTarget {
  url: string;
  secret: string;
}

export const webhookNoticeAdapter: ChannelAdapter<WebhookTarget> = {
  channel: "WEBHOOK",
  async send(config, notice) {
    const event = `notification.${notice.event.toLowerCase()}`;
    const body = JSON.stringify({
      id: notice.id, event, orderId: notice.orderId, customerId: notice.customerId, subject: notice.subject, text: notice.text,
    });
    const result = await attemptWebhookDelivery({
      deliveryId: notice.id, url: config.url, event, orderId: notice.orderId, body, signature: signWebhook(config.secret, body), maxAttempts: 1,
    });
    if (result.ok) return { ok: true, answer: "aceito pelo webhook" };
    const status = /^HTTP (\d{3})$/.exec(result.error ?? "");
    const code = status ? Number(status[1]) : null;
    const transient = code === null || code >= 500 || code === 408 || code === 429;
    return { ok: false, permanent: !transient, answer: result.error ?? "falhou" };
  },
};
