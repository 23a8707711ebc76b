// GET /api/v1/settings/status-page – the public status page's branding (admin)
// PUT /api/v1/settings/status-page – changes it (admin; omitted fields are kept)
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { getStatusPageSettings, saveStatusPageSettings } from "@/lib/status-page/status-page-settings";

/** The body holds at most a 64 KB logo as a data: URL. */
const MAX_BODY_BYTES = 128 * 1024;

export const GET = withAuth(async () => Response.json({ statusPage: await getStatusPageSettings() }), { permission: "configuracoes.write" });

export const PUT = withAuth(
  async (req, { principal }) => Response.json({ statusPage: await saveStatusPageSettings(await readJson(req, MAX_BODY_BYTES), principal) }),
  { permission: "configuracoes.write" },
);
