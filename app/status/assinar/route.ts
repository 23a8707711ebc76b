// POST /status/assinar – the status page's subscription form (urlencoded, works without JavaScript): checks
//   the same-origin rule (a public form has no cookie to protect, but another site must not post it for its
//   visitors), the per-IP limit (RAIO_STATUS_SUBSCRIBE_PER_HOUR per process, 429 beyond), then stores the
//   pending subscription and sends the confirmation link. Answers the status page with a message.
import { assertSameOrigin } from "@/lib/http/check-browser-write";
import { readBodyBytes } from "@/lib/http/read-body";
import { clientIp } from "@/lib/http/client-ip";
import { createTokenBuckets } from "@/lib/http/token-buckets";
import { getEnv } from "@/lib/env";
import { AppError, toErrorBody } from "@/lib/errors";
import { getStatusSnapshot } from "@/lib/status-page/status-read-model";
import { renderStatusPage } from "@/lib/status-page/render-status-page";
import { htmlResponse } from "@/lib/status-page/public-response";
import { publicBaseUrl } from "@/lib/status-page/public-base-url";
import { subscribeToStatus } from "@/lib/status-page/subscribe-to-status";

/** Largest form body (three short fields). */
const MAX_FORM_BYTES = 4 * 1024;
const perIp = createTokenBuckets<string>("statusSubscribe", 10_000);

export async function POST(req: Request): Promise<Response> {
  const snapshot = await getStatusSnapshot().catch(() => null);
  let form: Record<string, string> = {};
  try {
    assertSameOrigin(req);
    perIp.take(clientIp(req), getEnv().RAIO_STATUS_SUBSCRIBE_PER_HOUR, 3_600_000,
      (limit) => `Muitos pedidos de aviso deste endereço de internet (limite de ${limit} por hora). Tente de novo mais tarde.`);
    const type = (req.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded") {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Envie o formulário da página de status.", { field: "content-type" });
    }
    const body = new TextDecoder().decode(await readBodyBytes(req, MAX_FORM_BYTES));
    form = Object.fromEntries(new URLSearchParams(body));
    if (Object.values(form).some((v) => v.includes("\u0000"))) throw new AppError("VALIDATION", "Caractere inválido no formulário.");
    if (!snapshot) throw new AppError("UNAVAILABLE", "A página de status está indisponível no momento. Tente mais tarde.");
    const result = await subscribeToStatus(form, snapshot, publicBaseUrl(req));
    const where = result.channel === "EMAIL" ? "no seu e-mail" : "no seu WhatsApp";
    const text = `Pronto! Se este contato ainda não estava confirmado, enviamos ${where} um link de confirmação. Os avisos começam depois que você abrir o link.`;
    return htmlResponse(renderStatusPage(snapshot, { q: "", lookup: null, notice: { ok: true, text } }));
  } catch (err) {
    const { status, body, headers } = toErrorBody(err);
    const field = body.error.field;
    const label = field === "contato" ? "E-mail ou WhatsApp" : field === "cep" ? "CEP" : field === "canal" ? "Canal" : null;
    // The field's message without the internal "Campo x:" prefix, named as the form names it.
    const message = label ? `${label}: ${body.error.message.replace(/^Campo [^:]+: /, "")}` : body.error.message;
    if (!snapshot) return htmlResponse(message, { status, type: "text/plain; charset=utf-8", headers });
    const page = renderStatusPage(snapshot, { q: "", lookup: null, notice: { ok: false, text: message }, form });
    return htmlResponse(page, { status, headers });
  }
}
