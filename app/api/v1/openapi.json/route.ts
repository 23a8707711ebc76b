// GET /api/v1/openapi.json – the OpenAPI 3.1 document of this API (public: integrators read it before
// they have a token). Generated from the routes' zod schemas (lib/openapi).
import { getOpenApiDocument } from "@/lib/openapi/build-openapi-document";

export function GET() {
  return Response.json(getOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
