// GET /status/cancelar?token= – the one-click unsubscribe link in every status message.
// POST /status/cancelar?token= – the same for mail clients' one-click unsubscribe (RFC 8058 List-Unsubscribe-Post).
// The token is the capability: no origin check, no login.
import { unsubscribe } from "@/lib/status-page/confirm-subscription";
import { getStatusSnapshot } from "@/lib/status-page/status-read-model";
import { formatCep } from "@/lib/status-page/lookup-status";
import { messagePage, publicPage } from "@/lib/status-page/public-response";

export const dynamic = "force-dynamic";

async function handle(req: Request): Promise<Response> {
  const snapshot = await getStatusSnapshot().catch(() => null);
  return publicPage(async () => {
    const token = new URL(req.url).searchParams.get("token") ?? "";
    const sub = await unsubscribe(token);
    if (!sub) return messagePage(snapshot, "Link inválido", "Não encontramos uma inscrição com este link.", false, 404);
    return messagePage(snapshot, "Avisos cancelados", `Você não vai mais receber avisos de manutenção do CEP ${formatCep(sub.cep)}.`, true);
  }, () => snapshot);
}

export const GET = handle;
export const POST = handle;
