// DELETE /api/v1/tokens/{id} – revokes a token (it stops working at once); browser session only (see ../route.ts)
import { withAuth } from "@/lib/auth/with-auth";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { idParamSchema } from "@/lib/validation/id";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

export const DELETE = withAuth<{ id: string }>(
  async (_req, { principal, params }) => {
    const { id } = idParamSchema.parse(params);
    await revokeApiToken(id);
    await recordAudit(db, principal, "token.revoke", { type: "ApiToken", id });
    return Response.json({ ok: true });
  },
  { permission: "configuracoes.write", allowToken: false },
);
