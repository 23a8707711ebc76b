// The public status page as one HTML document: no script at all (it works without JavaScript and under the
// strictest Content-Security-Policy), one small inline stylesheet, the coarse SVG map. Every text from outside
// (subject names, public notes, places from the ERP, the provider's name, what the visitor typed) goes
// through the escaping template.
import { formatDateTime } from "../format/date-time";
import { html, SafeHtml } from "./html";
import type { StatusOrder, StatusSnapshot } from "./load-status-snapshot";
import { formatCep, type StatusLookup } from "./lookup-status";
import { renderOutlineMap } from "./render-outline-map";
import { MAX_LOOKUP_CHARS } from "./lookup-status";

const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;background:#f8fafc}
header{background:var(--brand);color:var(--on-brand);padding:12px 16px}header .in{display:flex;align-items:center;gap:12px;max-width:880px;margin:0 auto}
header img{max-height:40px;max-width:160px}header h1{font-size:1.25rem;margin:0}main{max-width:880px;margin:0 auto;padding:16px}
section{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:16px;margin:0 0 16px}h2{font-size:1.1rem;margin:0 0 8px}
h3{font-size:1rem;margin:12px 0 4px}h4{font-size:.95rem;margin:8px 0 4px;color:#334155}a{color:var(--brand)}
form{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}label{display:flex;flex-direction:column;font-size:.9rem;min-width:0;flex:1 1 180px}
input,select,button{font:inherit;padding:8px;border:1px solid #94a3b8;border-radius:6px;max-width:100%}button{background:var(--brand);color:var(--on-brand);border:0;cursor:pointer}
fieldset{border:0;padding:0;margin:0;display:flex;gap:12px;flex:1 1 100%}fieldset label{flex-direction:row;gap:4px;flex:0 0 auto;align-items:center}
.order{border-left:4px solid var(--brand);padding:4px 0 4px 12px;margin:8px 0;overflow-wrap:anywhere}.order.planned{border-color:#94a3b8}
.meta{font-size:.9rem;color:#475569;margin:0}.note{margin:4px 0 0;white-space:pre-line}.msg{padding:8px 12px;border-radius:6px;background:#eff6ff}
.msg.err{background:#fef2f2;color:#991b1b}.msg.ok{background:#f0fdf4;color:#166534}.map{width:100%;height:auto;max-height:360px;background:#f1f5f9;border-radius:6px}
.area-running{fill:var(--brand);fill-opacity:.35;stroke:var(--brand);stroke-width:2}.area-planned{fill:url(#hatch);fill-opacity:.7;stroke:#64748b;stroke-width:2}
footer{max-width:880px;margin:0 auto;padding:0 16px 24px;font-size:.85rem;color:#64748b}`;

const STATE_LABEL = { running: "Em andamento", planned: "Programada" } as const;

/** The document frame shared by the status page and its small answer pages (subscription, unsubscribe). */
export function renderPublicDocument(
  snapshot: Pick<StatusSnapshot, "settings">, title: string, body: SafeHtml, extra: { head?: SafeHtml; footer?: SafeHtml } = {},
): string {
  const s = snapshot.settings;
  return `<!doctype html>${html`<html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · ${s.providerName}</title>${extra.head ?? null}<style>:root{--brand:${s.primaryColor};--on-brand:${s.headerTextColor}}${STYLE}</style></head>
<body><header><div class="in">${s.logo ? html`<img src="${s.logo}" alt="">` : null}<h1>${s.providerName}</h1></div></header>
<main>${body}</main>${extra.footer ?? null}</body></html>`}`;
}

// The stylesheet is a constant of this file (no outside text): passed through unescaped.
const STYLE = new SafeHtml(CSS);

function renderOrder(o: StatusOrder, withPlaces: boolean): SafeHtml {
  return html`<article class="order ${o.state}" data-order="${o.number}">
<strong>${o.title}</strong> <span class="meta">· OS ${o.number} · ${STATE_LABEL[o.state]}</span>
<p class="meta">${o.state === "running" ? "Início" : "Início previsto"}: ${formatDateTime(o.startAt)} · Previsão de normalização: ${o.expectedEndAt ? formatDateTime(o.expectedEndAt) : "sem previsão"}</p>
${withPlaces ? html`<p class="meta">Bairros: ${o.places.map((p) => `${p.neighborhood} (${p.city})`).join(", ") || "—"}</p>` : null}
${o.latestUpdate ? html`<p class="note"><span class="meta">Atualização de ${formatDateTime(o.latestUpdate.at)}:</span> ${o.latestUpdate.text}</p>` : null}
</article>`;
}

/** Orders grouped by city, then neighbourhood (an order affecting three neighbourhoods is listed under each). */
function renderGrouped(orders: readonly StatusOrder[]): SafeHtml {
  const cities = new Map<string, Map<string, StatusOrder[]>>();
  const unplaced: StatusOrder[] = [];
  for (const o of orders) {
    if (o.places.length === 0) unplaced.push(o);
    for (const p of o.places) {
      const city = `${p.city} – ${p.state}`;
      const byHood = cities.get(city) ?? new Map<string, StatusOrder[]>();
      cities.set(city, byHood);
      const list = byHood.get(p.neighborhood) ?? [];
      if (!list.includes(o)) list.push(o);
      byHood.set(p.neighborhood, list);
    }
  }
  const sortedKeys = <T>(m: Map<string, T>) => [...m.keys()].sort((a, b) => a.localeCompare(b, "pt-BR"));
  return html`${sortedKeys(cities).map((city) => {
    const hoods = cities.get(city)!;
    return html`<h3>${city}</h3>${sortedKeys(hoods).map((hood) => html`<h4>${hood}</h4>${hoods.get(hood)!.map((o) => renderOrder(o, false))}`)}`;
  })}${unplaced.length > 0 ? html`<h3>Outras áreas</h3>${unplaced.map((o) => renderOrder(o, false))}` : null}`;
}

function renderLookup(lookup: StatusLookup): SafeHtml {
  if (lookup.kind === "invalid") return html`<p class="msg err" role="alert">${lookup.message}</p>`;
  if (lookup.kind === "cep" && !lookup.known) {
    return html`<p class="msg err" role="alert">CEP ${formatCep(lookup.cep)} não encontrado na nossa área de atendimento. Confira o número ou busque pelo nome da rua.</p>`;
  }
  const what = lookup.kind === "cep" ? `o CEP ${formatCep(lookup.cep)}` : `“${lookup.street}”`;
  if (lookup.orders.length === 0) {
    return html`<p class="msg ok" role="status">Nenhuma manutenção em andamento ou programada para ${what}.</p>`;
  }
  return html`<p class="msg" role="status">${lookup.orders.length === 1 ? "1 manutenção afeta" : `${lookup.orders.length} manutenções afetam`} ${what}:</p>${lookup.orders.map((o) => renderOrder(o, true))}`;
}

export interface StatusPageView {
  q: string;
  lookup: StatusLookup | null;
  /** A message after a subscription form (shown above the form). */
  notice?: { ok: boolean; text: string };
  /** The subscription form's values to keep after an error. */
  form?: { canal?: string; contato?: string; cep?: string };
}

export function renderStatusPage(snapshot: StatusSnapshot, view: StatusPageView): string {
  const running = snapshot.orders.filter((o) => o.state === "running");
  const planned = snapshot.orders.filter((o) => o.state === "planned");
  const map = renderOutlineMap(snapshot.orders);
  const canal = view.form?.canal === "whatsapp" ? "whatsapp" : "email";
  const body = html`
<section aria-labelledby="s-busca"><h2 id="s-busca">Consultar meu endereço</h2>
<form method="get" action="/status" role="search"><label>CEP ou nome da rua<input name="q" value="${view.q}" maxlength="${MAX_LOOKUP_CHARS}" inputmode="text" autocomplete="postal-code" placeholder="Ex.: 13010-000"></label><button type="submit">Consultar</button></form>
${view.lookup ? html`<div id="resultado" aria-live="polite">${renderLookup(view.lookup)}</div>` : null}</section>
<section aria-labelledby="s-andamento"><h2 id="s-andamento">Manutenções em andamento</h2>
${running.length === 0 ? html`<p class="msg ok">Nenhuma manutenção em andamento no momento.</p>` : renderGrouped(running)}</section>
<section aria-labelledby="s-programadas"><h2 id="s-programadas">Manutenções programadas</h2>
${planned.length === 0 ? html`<p class="meta">Nenhuma manutenção programada.</p>` : renderGrouped(planned)}</section>
${map ? html`<section aria-labelledby="s-mapa"><h2 id="s-mapa">Mapa aproximado</h2>${map}<p class="meta">Áreas aproximadas: cheias = em andamento, hachuradas = programadas.</p></section>` : null}
<section aria-labelledby="s-avisos"><h2 id="s-avisos">Receber avisos</h2>
<p class="meta">Avisamos quando uma manutenção começar ou for atualizada no seu CEP. Você confirma pelo link que enviaremos e pode cancelar quando quiser.</p>
${view.notice ? html`<p class="msg ${view.notice.ok ? "ok" : "err"}" role="${view.notice.ok ? "status" : "alert"}">${view.notice.text}</p>` : null}
<form method="post" action="/status/assinar">
<fieldset><legend class="meta">Receber por</legend><label><input type="radio" name="canal" value="email"${canal === "email" ? html` checked` : null}> E-mail</label><label><input type="radio" name="canal" value="whatsapp"${canal === "whatsapp" ? html` checked` : null}> WhatsApp</label></fieldset>
<label>E-mail ou WhatsApp (com DDD)<input name="contato" required maxlength="254" value="${view.form?.contato ?? ""}" autocomplete="email"></label>
<label>CEP<input name="cep" required maxlength="10" inputmode="numeric" value="${view.form?.cep ?? ""}" autocomplete="postal-code"></label>
<button type="submit">Quero receber avisos</button></form></section>`;
  const footer = html`<footer>Atualizado em ${formatDateTime(snapshot.generatedAt)} · <a href="/status/feed.xml">Feed Atom</a></footer>`;
  const head = html`<link rel="alternate" type="application/atom+xml" title="Manutenções" href="/status/feed.xml">`;
  return renderPublicDocument(snapshot, "Status da rede", body, { head, footer });
}
