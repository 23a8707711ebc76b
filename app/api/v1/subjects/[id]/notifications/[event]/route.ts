// PUT /api/v1/subjects/{id}/notifications/{event} – saves the subject's notice for one event (ORDER_STARTED,
// FORECAST_CHANGED, ORDER_FINALIZED, PLANNED_MAINTENANCE, OUTAGE_CONFIRMED): { template, emailSubject?,
// channels: [WHATSAPP|EMAIL|SMS|WEBHOOK], whatsappTemplateId?, whatsappVariables? }. A {{variavel}} the event
// does not have answers 400 naming the field. channels [] turns the notice off (admin, audited).
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { idSchema } from "@/lib/validation/id";
import { notificationEventSchema } from "@/lib/validation/notifications";
import { saveSubjectNotification } from "@/lib/notifications/subject-notifications";
import { z } from "zod";

const paramsSchema = z.object({ id: idSchema, event: notificationEventSchema });

export const PUT = withAuth<{ id: string; event: string }>(
  async (req, { principal, params }) => {
    const { id, event } = paramsSchema.parse(params);
    return Response.json({ notification: await saveSubjectNotification(id, event, await readJson(req), principal) });
  },
  { permission: "assuntos.write" },
);
