import type { NotificationStatus } from "../db";

/** The statuses of a notice as people read them (tab, CSV). */
export const NOTIFICATION_STATUS_LABELS: Record<NotificationStatus, string> = {
  QUEUED: "Na fila",
  SENDING: "Enviando",
  SENT: "Enviado",
  FAILED: "Falhou",
  SKIPPED: "Ignorado",
};
