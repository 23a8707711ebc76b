// GET /api/v1/settings – the provider's settings
// PATCH /api/v1/settings – changes some of them (admin)
import { withAuth } from "@/lib/auth/with-auth";
import { getSettings } from "@/lib/settings/get-settings";
import { updateSettings } from "@/lib/settings/update-settings";
import { readJson } from "@/lib/http/read-json";

export const GET = withAuth(async () => Response.json({ settings: await getSettings() }));

export const PATCH = withAuth(
  async (req, { principal }) => Response.json({ settings: await updateSettings(await readJson(req), principal) }),
  { permission: "configuracoes.write" },
);
