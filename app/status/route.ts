// GET /status – the public status page: running and planned maintenance by city and neighbourhood, a coarse
//   map, lookup by CEP or street (?q=), subscription form. No login, no script; answered from the in-memory
//   read model (lib/status-page/status-read-model.ts), so visits do not reach the database.
import { getStatusSnapshot } from "@/lib/status-page/status-read-model";
import { lookupStatus } from "@/lib/status-page/lookup-status";
import { renderStatusPage } from "@/lib/status-page/render-status-page";
import { htmlResponse, publicPage } from "@/lib/status-page/public-response";
import { publicBaseUrl } from "@/lib/status-page/public-base-url";

export const dynamic = "force-dynamic";

export function GET(req: Request): Promise<Response> {
  return publicPage(async () => {
    const params = new URL(req.url).searchParams;
    const q = params.get("q") ?? params.get("cep") ?? "";
    publicBaseUrl(req); // remembered for the notices sent to subscribers outside a request
    const snapshot = await getStatusSnapshot();
    const lookup = lookupStatus(snapshot, q);
    const invalid = lookup?.kind === "invalid";
    return htmlResponse(renderStatusPage(snapshot, { q, lookup }), { status: invalid ? 400 : 200, microCache: !invalid, stamp: snapshot.stamp });
  });
}
