// Transition requests may come with no body at all (a button click): an empty body reads as {}.
// Anything else goes through readJson (size limit → 413, malformed → 400).
import { MAX_JSON_BYTES, readJson } from "../http/read-json";

export async function readOptionalJson(req: Request): Promise<unknown> {
  if (Number(req.headers.get("content-length") ?? "0") > MAX_JSON_BYTES) return readJson(req);
  if (!req.body) return {};
  const text = await req.clone().text();
  return text.trim() === "" ? {} : readJson(req);
}
