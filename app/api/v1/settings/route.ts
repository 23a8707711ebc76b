// GET /api/v1/settings – the provider's settings (admin: they are the administrator's screen; agents and the
//   chatbot see their effect in the answers that use them, e.g. the trust unlock's days)
// PATCH /api/v1/settings – changes some of them (admin)
import { withAuth } from "@/lib/auth/with-auth";
import { getSettings } from "@/lib/settings/get-settings";
import { updateSettings } from "@/lib/settings/update-settings";
import { readJson } from "@/lib/http/read-json";

export const GET = withAuth(async () => Response.json({ settings: await getSettings() }), { permission: "configuracoes.write" });

export const PATCH = withAuth(
  async (req, { principal }) => Response.json({ settings: await updateSettings(await readJson(req), principal) }),
  { permission: "configuracoes.write" },
);
