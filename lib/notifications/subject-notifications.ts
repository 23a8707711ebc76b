// A subject's notification settings per event: read (every event, configured or with its suggested text) and
// saved one event at a time, audited in the same transaction.
import { db, type NotificationEvent, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { notFound } from "../errors";
import { subjectNotificationInputSchema } from "../validation/notifications";
import { EVENT_LABELS, NOTIFICATION_EVENTS, SUGGESTED_TEXTS, eventVariables } from "./notification-events";

const SELECT = {
  event: true, template: true, emailSubject: true, channels: true, whatsappTemplateId: true, whatsappVariables: true, updatedAt: true,
} as const;

export async function listSubjectNotifications(subjectId: number) {
  const subject = await db.subject.findUnique({
    where: { id: subjectId },
    select: { id: true, name: true, notifications: { select: SELECT } },
  });
  if (!subject) throw notFound(`Assunto ${subjectId} não encontrado.`);
  const byEvent = new Map(subject.notifications.map((n) => [n.event, n]));
  return {
    subject: { id: subject.id, name: subject.name },
    events: NOTIFICATION_EVENTS.map((event) => {
      const saved = byEvent.get(event);
      return {
        event,
        label: EVENT_LABELS[event],
        configured: saved !== undefined,
        template: saved?.template ?? SUGGESTED_TEXTS[event],
        emailSubject: saved?.emailSubject ?? null,
        channels: saved?.channels ?? [],
        whatsappTemplateId: saved?.whatsappTemplateId ?? null,
        whatsappVariables: saved?.whatsappVariables ?? [],
        variables: eventVariables(event),
        updatedAt: saved?.updatedAt ?? null,
      };
    }),
  };
}

export async function saveSubjectNotification(subjectId: number, event: NotificationEvent, input: unknown, principal: Principal) {
  const data = subjectNotificationInputSchema(event).parse(input);
  return db.$transaction(async (tx) => {
    const subject = await tx.subject.findUnique({ where: { id: subjectId }, select: { id: true } });
    if (!subject) throw notFound(`Assunto ${subjectId} não encontrado.`);
    const saved = await tx.subjectNotification.upsert({
      where: { subjectId_event: { subjectId, event } },
      create: { subjectId, event, ...data },
      update: data,
      select: SELECT,
    });
    await recordAudit(tx, principal, "subject.notification", { type: "Subject", id: subjectId }, { event, ...data } as Prisma.InputJsonValue);
    return saved;
  });
}
