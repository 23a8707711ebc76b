// GET /api/v1/webhooks – the outgoing webhook's configuration (URL; whether a secret is set, never the secret)
// PUT /api/v1/webhooks – { url: string|null, secret?: string, generateSecret?: true } (admin); a generated
//   secret is answered once, as `secret`. Events: order.started, order.ended (see lib/webhooks/fire-order-webhook.ts).
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { describeWebhookConfig, getWebhookConfig, saveWebhookConfig } from "@/lib/webhooks/webhook-config";

export const GET = withAuth(async () => Response.json({ webhook: describeWebhookConfig(await getWebhookConfig()) }), {
  permission: "configuracoes.write",
});

export const PUT = withAuth(
  async (req, { principal }) => Response.json({ webhook: await saveWebhookConfig(await readJson(req), principal) }),
  { permission: "configuracoes.write" },
);
