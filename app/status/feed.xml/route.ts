// GET /status/feed.xml – the running and planned maintenance as an Atom feed (public, from memory).
import { getStatusSnapshot } from "@/lib/status-page/status-read-model";
import { renderAtomFeed } from "@/lib/status-page/render-atom-feed";
import { publicBaseUrl } from "@/lib/status-page/public-base-url";
import { htmlResponse, publicPage } from "@/lib/status-page/public-response";

export const dynamic = "force-dynamic";

export function GET(req: Request): Promise<Response> {
  return publicPage(async () => {
    const snapshot = await getStatusSnapshot();
    return htmlResponse(renderAtomFeed(snapshot, publicBaseUrl(req)), { type: "application/atom+xml; charset=utf-8", microCache: true, stamp: snapshot.stamp });
  });
}
