// One entry of the OpenAPI document: what a route under app/api/v1 accepts and answers, described with the
// same zod schemas the route parses with. Every exported method of every route needs one
// (lib/openapi/openapi-document.test.ts fails otherwise); docs/api.md says how to add one.
import type { z } from "zod";
import type { Permission } from "../auth/roles";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface RouteDoc {
  method: HttpMethod;
  /** As the URL reads, path parameters in braces: "/api/v1/service-orders/{id}/execute". */
  path: `/api/v1/${string}`;
  /** Groups the route on the docs page ("Diagnósticos", "Ordens de serviço"…). */
  tag: string;
  /** One line in Portuguese. */
  summary: string;
  description?: string;
  /** Who may call it: a permission of lib/auth/roles.ts, "autenticado" (any login or token) or "público". */
  access: Permission | "autenticado" | "público";
  /** False when an API token may not call it (session only). Default true. */
  allowToken?: boolean;
  /** Path parameters, query string and JSON body: the schemas the route (or the service it calls) parses. */
  params?: z.ZodObject;
  query?: z.ZodObject | z.ZodPipe<z.ZodObject, z.ZodType>;
  body?: z.ZodType;
  /** The body may be omitted entirely (an empty POST). */
  bodyOptional?: boolean;
  /** The success answer. */
  status?: 200 | 201 | 202;
  response: z.ZodType;
  responseDescription?: string;
  /** Also answers text/csv (with ?format=csv). */
  csv?: boolean;
  /** Error statuses beyond the ones every route may answer (400, 401, 403, 500). */
  errors?: readonly (300 | 404 | 409 | 413 | 429 | 503)[];
}

/** Declares one route's entry (typed; nothing happens at run time). */
export function defineRoute(doc: RouteDoc): RouteDoc {
  return doc;
}
