// PATCH /api/v1/tokens/{id} – sets a token's own per-minute limit ({ rateLimitPerMin: n | null }; null = the
// server's default, 0 = no limit); it applies from the token's next request
// DELETE /api/v1/tokens/{id} – revokes a token (it stops working at once); browser session only (see ../route.ts)
import { withAuth } from "@/lib/auth/with-auth";
import { revokeApiToken, setApiTokenRateLimit } from "@/lib/auth/api-tokens";
import { idParamSchema } from "@/lib/validation/id";
import { updateTokenSchema } from "@/lib/validation/api-token";
import { readJson } from "@/lib/http/read-json";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

export const PATCH = withAuth<{ id: string }>(
  async (req, { principal, params }) => {
    const { id } = idParamSchema.parse(params);
    const { rateLimitPerMin } = updateTokenSchema.parse(await readJson(req));
    const { before } = await setApiTokenRateLimit(id, rateLimitPerMin);
    await recordAudit(db, principal, "token.rate-limit", { type: "ApiToken", id }, { from: before, to: rateLimitPerMin });
    return Response.json({ id, rateLimitPerMin });
  },
  { permission: "configuracoes.write", allowToken: false },
);

export const DELETE = withAuth<{ id: string }>(
  async (_req, { principal, params }) => {
    const { id } = idParamSchema.parse(params);
    await revokeApiToken(id);
    await recordAudit(db, principal, "token.revoke", { type: "ApiToken", id });
    return Response.json({ ok: true });
  },
  { permission: "configuracoes.write", allowToken: false },
);
