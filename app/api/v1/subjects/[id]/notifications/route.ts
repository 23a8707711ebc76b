// GET /api/v1/subjects/{id}/notifications – the subject's text and channels for each notification event
// (configured, or the suggested text with no channel), with the {{variavel}}s each event may use (admin).
import { withAuth } from "@/lib/auth/with-auth";
import { idParamSchema } from "@/lib/validation/id";
import { listSubjectNotifications } from "@/lib/notifications/subject-notifications";

export const GET = withAuth<{ id: string }>(
  async (_req, { params }) => Response.json(await listSubjectNotifications(idParamSchema.parse(params).id)),
  { permission: "assuntos.write" },
);
