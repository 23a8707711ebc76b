// Token management is for an administrator signed in through the browser (allowToken: false): an API token,
// even an ADMIN one, is answered 403, so a leaked integration token cannot mint new tokens or revoke the others.
// GET /api/v1/tokens – the API tokens (never their secrets)
// POST /api/v1/tokens – creates a token; its secret is in this answer only
import { withAuth } from "@/lib/auth/with-auth";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { createTokenSchema } from "@/lib/validation/api-token";
import { readJson } from "@/lib/http/read-json";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

export const GET = withAuth(async () => Response.json({ tokens: await listApiTokens() }), {
  permission: "configuracoes.write",
  allowToken: false,
});

export const POST = withAuth(
  async (req, { principal }) => {
    const input = createTokenSchema.parse(await readJson(req));
    const { token, record } = await createApiToken({
      ...input,
      createdById: principal.kind === "user" ? principal.userId : null,
    });
    await recordAudit(db, principal, "token.create", { type: "ApiToken", id: record.id }, { name: record.name, role: record.role, rateLimitPerMin: record.rateLimitPerMin });
    return Response.json({ token, record }, { status: 201 });
  },
  { permission: "configuracoes.write", allowToken: false, idempotent: true },
);
