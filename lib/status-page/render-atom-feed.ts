// The status page as an Atom feed (RFC 4287): one entry per running or planned maintenance, updated when
// its latest public note, start or forecast changes. Text only (type="text"), every value XML-escaped.
import { formatDateTime } from "../format/date-time";
import { escapeText } from "./html";
import type { StatusOrder, StatusSnapshot } from "./load-status-snapshot";

const STATE_LABEL = { running: "Em andamento", planned: "Programada" } as const;

function entryUpdated(o: StatusOrder, fallback: Date): Date {
  const times = [o.latestUpdate?.at, o.startAt].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : fallback;
}

function entrySummary(o: StatusOrder): string {
  const places = o.places.map((p) => `${p.neighborhood} (${p.city} – ${p.state})`).join(", ");
  return [
    `${STATE_LABEL[o.state]}. ${o.state === "running" ? "Início" : "Início previsto"}: ${formatDateTime(o.startAt)}.`,
    `Previsão de normalização: ${o.expectedEndAt ? formatDateTime(o.expectedEndAt) : "sem previsão"}.`,
    places ? `Bairros: ${places}.` : "",
    o.latestUpdate ? `Atualização de ${formatDateTime(o.latestUpdate.at)}: ${o.latestUpdate.text}` : "",
  ].filter(Boolean).join("\n");
}

/** `baseUrl`: the public origin ("https://status.provedor.com.br"), for the feed's ids and links. */
export function renderAtomFeed(snapshot: StatusSnapshot, baseUrl: string): string {
  const x = escapeText;
  const pageUrl = `${baseUrl}/status`;
  const entries = snapshot.orders.map((o) => {
    const updated = entryUpdated(o, snapshot.generatedAt).toISOString();
    return `<entry><id>${x(`${pageUrl}#os-${o.number}`)}</id><title type="text">${x(`${STATE_LABEL[o.state]}: ${o.title} (OS ${o.number})`)}</title>`
      + `<updated>${updated}</updated><link rel="alternate" type="text/html" href="${x(pageUrl)}"/>`
      + `<summary type="text">${x(entrySummary(o))}</summary></entry>`;
  });
  const updated = snapshot.orders.length > 0
    ? new Date(Math.max(...snapshot.orders.map((o) => entryUpdated(o, snapshot.generatedAt).getTime()))).toISOString()
    : snapshot.generatedAt.toISOString();
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="pt-BR">`
    + `<id>${x(pageUrl)}</id><title type="text">${x(`${snapshot.settings.providerName}: manutenções na rede`)}</title>`
    + `<updated>${updated}</updated><author><name>${x(snapshot.settings.providerName)}</name></author>`
    + `<link rel="self" type="application/atom+xml" href="${x(`${pageUrl}/feed.xml`)}"/><link rel="alternate" type="text/html" href="${x(pageUrl)}"/>`
    + entries.join("") + `</feed>\n`;
}
