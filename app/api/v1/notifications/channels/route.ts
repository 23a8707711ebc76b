// GET /api/v1/notifications/channels – the channels' configuration (never the secrets: tokenSet, passwordSet,
// headersSet); PUT – { whatsapp?, email?, sms?, webhook?, quietHours?, maxAttempts? } (admin). Secrets are
// write-only and stored encrypted with RAIO_SECRET_KEY (503 without it); null removes one.
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { describeChannelsConfig, getChannelsConfig, saveChannelsConfig } from "@/lib/notifications/channel-settings";

export const GET = withAuth(async () => Response.json({ channels: describeChannelsConfig(await getChannelsConfig()) }), {
  permission: "configuracoes.write",
});

export const PUT = withAuth(
  async (req, { principal }) => Response.json({ channels: await saveChannelsConfig(await readJson(req), principal) }),
  { permission: "configuracoes.write" },
);
