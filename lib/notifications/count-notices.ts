// The manager's dashboard figure: notices sent to customers in a period (by the instant they were sent), and
// those that failed in it. One aggregate over the (status, sentAt) index.
import { getBackend } from "../db";

export async function countNotices(from: Date, to: Date): Promise<{ sent: number; failed: number }> {
  const [row] = await getBackend().query<{ sent: number; failed: number }>(
    `SELECT COUNT(*) FILTER (WHERE status = 'SENT' AND "sentAt" >= $1 AND "sentAt" < $2)::int AS sent,
            COUNT(*) FILTER (WHERE status = 'FAILED' AND "updatedAt" >= $1 AND "updatedAt" < $2)::int AS failed
       FROM "Notification" WHERE ("sentAt" >= $1 AND "sentAt" < $2) OR (status = 'FAILED' AND "updatedAt" >= $1 AND "updatedAt" < $2)`,
    [from, to],
  );
  return row ?? { sent: 0, failed: 0 };
}
