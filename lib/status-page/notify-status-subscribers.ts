// Tells the confirmed subscribers of a CEP when maintenance there starts or gets a new public update. Runs
// after each rebuild of the read model (so within one refresh interval of the change), in whichever app
// instance rebuilds first: each event is claimed with one insert into StatusNotice (orderId, key), and only
// the instance whose insert wins sends. One message per order and rebuild, however many events it carries
// (an order that starts with a note already written sends one message). Planned work is not announced here
// (its 72-hour notice goes through the order's own notices).
import { db, getBackend } from "../db";
import { formatDateTime } from "../format/date-time";
import type { StatusOrder, StatusSnapshot } from "./load-status-snapshot";
import { formatCep } from "./lookup-status";
import { knownBaseUrl } from "./public-base-url";
import { sendStatusMessage } from "./send-status-message";

const CLAIM_SQL = `INSERT INTO "StatusNotice" ("orderId", "key") SELECT $1, k FROM unnest($2::text[]) AS k
  ON CONFLICT DO NOTHING RETURNING "key"`;

/** The events an order shows now, as claim keys. */
function eventKeys(o: StatusOrder): string[] {
  if (o.state !== "running") return [];
  return ["start", ...(o.latestUpdate ? [`note:${o.latestUpdate.id}`] : [])];
}

function noticeText(o: StatusOrder, cep: string, started: boolean, provider: string, baseUrl: string, unsubscribeToken: string): string {
  return [
    `${provider}: ${started ? "manutenção em andamento" : "nova atualização da manutenção"} no CEP ${formatCep(cep)} (${o.title}, OS ${o.number}).`,
    `Previsão de normalização: ${o.expectedEndAt ? formatDateTime(o.expectedEndAt) : "sem previsão"}.`,
    o.latestUpdate ? `Atualização: ${o.latestUpdate.text}` : "",
    `Acompanhe: ${baseUrl}/status?q=${cep}`,
    `Para não receber mais: ${baseUrl}/status/cancelar?token=${unsubscribeToken}`,
  ].filter(Boolean).join("\n");
}

/** Returns how many messages went out (failures are logged: a notice is not retried). */
export async function notifyStatusSubscribers(snapshot: StatusSnapshot): Promise<number> {
  const running = snapshot.orders.filter((o) => o.state === "running");
  if (running.length === 0) return 0;
  const cepsOf = new Map<number, string[]>();
  for (const [cep, ids] of snapshot.ordersByCep) for (const id of ids) cepsOf.set(id, [...(cepsOf.get(id) ?? []), cep]);
  let sent = 0;
  for (const o of running) {
    const ceps = cepsOf.get(o.id) ?? [];
    const keys = eventKeys(o);
    if (ceps.length === 0 || keys.length === 0) continue;
    const subscribers = await db.statusSubscription.findMany({
      where: { cep: { in: ceps }, confirmedAt: { not: null }, unsubscribedAt: null },
      select: { channel: true, address: true, cep: true, unsubscribeToken: true },
    });
    if (subscribers.length === 0) continue;
    const baseUrl = knownBaseUrl();
    if (!baseUrl) {
      console.warn("[raio] página de status: defina RAIO_PUBLIC_URL para avisar os inscritos (os links precisam do endereço público).");
      return sent;
    }
    const claimed = await getBackend().query<{ key: string }>(CLAIM_SQL, [o.id, keys]);
    if (claimed.length === 0) continue; // already told, by this instance or another
    const started = claimed.some((c) => c.key === "start");
    for (const s of subscribers) {
      try {
        await sendStatusMessage({
          channel: s.channel === "WHATSAPP" ? "WHATSAPP" : "EMAIL",
          to: s.address,
          event: "STATUS_MAINTENANCE",
          subject: `${snapshot.settings.providerName}: ${started ? "manutenção em andamento" : "atualização da manutenção"} no CEP ${formatCep(s.cep)}`,
          text: noticeText(o, s.cep, started, snapshot.settings.providerName, baseUrl, s.unsubscribeToken),
        }, snapshot.settings);
        sent++;
      } catch (err) {
        console.error(`[raio] página de status: aviso da OS ${o.number} não enviado (${(err as Error).message}).`);
      }
    }
  }
  return sent;
}
