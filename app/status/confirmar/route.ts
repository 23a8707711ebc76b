// GET /status/confirmar?token= – the link of the confirmation message (double opt-in): the subscription starts.
import { confirmSubscription } from "@/lib/status-page/confirm-subscription";
import { getStatusSnapshot } from "@/lib/status-page/status-read-model";
import { formatCep } from "@/lib/status-page/lookup-status";
import { messagePage, publicPage } from "@/lib/status-page/public-response";
import { publicBaseUrl } from "@/lib/status-page/public-base-url";

export const dynamic = "force-dynamic";

export async function GET(req: Request): Promise<Response> {
  const snapshot = await getStatusSnapshot().catch(() => null);
  return publicPage(async () => {
    const token = new URL(req.url).searchParams.get("token") ?? "";
    const sub = await confirmSubscription(token);
    if (!sub) return messagePage(snapshot, "Link inválido ou expirado", "Este link de confirmação não vale mais (já foi usado ou passou de 48 horas). Peça os avisos de novo na página de status.", false, 404);
    const cancel = `${publicBaseUrl(req)}/status/cancelar?token=${sub.unsubscribeToken}`;
    return messagePage(snapshot, "Avisos confirmados", `Você vai receber avisos de manutenção no CEP ${formatCep(sub.cep)}. Para cancelar a qualquer momento: ${cancel}`, true);
  }, () => snapshot);
}
