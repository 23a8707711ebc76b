// Service orders and maintenance regions: the schemas shared by the map form, the order pages and the API.
// Structure only here (shape, types, sizes); the geometry rules (kinks, rings, area, vertices) are
// lib/geo/validate-polygon's, so the browser and the API refuse exactly the same polygons.
import { z } from "zod";
import { idSchema } from "./id";
import { zonedDayStart } from "../format/date-time";

export const ORDER_STATUSES = ["ABERTA", "EM_EXECUCAO", "FINALIZADA", "CANCELADA"] as const;
export type OrderStatusValue = (typeof ORDER_STATUSES)[number];

/** Labels shown to people, one per status (the source's words). */
export const ORDER_STATUS_LABEL: Record<OrderStatusValue, string> = {
  ABERTA: "Aberta",
  EM_EXECUCAO: "Em Execução",
  FINALIZADA: "Finalizada",
  CANCELADA: "Cancelada",
};

// Longest description accepted (a field report fits; a pasted log does not).
export const MAX_DESCRIPTION_CHARS = 2_000;
// Longest responsible name/team.
export const MAX_RESPONSIBLE_CHARS = 120;
// Orders per page in lists: default and cap.
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const position = z.array(z.number({ error: "coordenada deve ser um número" })).min(2, "cada ponto precisa de longitude e latitude");

/** A GeoJSON Polygon geometry, structurally (the rules are validatePolygon's). */
export const polygonGeometrySchema = z.object({
  type: z.literal("Polygon", { error: "a geometria deve ser um Polygon" }),
  coordinates: z.array(z.array(position), { error: "coordinates deve ser uma lista de anéis" }).min(1, "o polígono não tem anéis"),
});

/** A GeoJSON Feature holding a Polygon (properties are ignored). */
export const polygonFeatureSchema = z.object({
  type: z.literal("Feature", { error: "envie uma Feature GeoJSON" }),
  geometry: polygonGeometrySchema,
  properties: z.record(z.string(), z.unknown()).nullable().optional(),
});

const optionalDate = z
  .union([z.string(), z.date(), z.null()])
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === null || v === "") return null;
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "data inválida" });
      return z.NEVER;
    }
    return d;
  });

/** The order's own fields, as the map form sends them. */
export const orderFieldsSchema = z.object({
  // Omitted = the dedicated maintenance subject.
  subjectId: idSchema.optional(),
  description: z
    .string({ error: "descreva a manutenção" })
    .trim()
    .min(3, "descreva a manutenção (mínimo 3 caracteres)")
    .max(MAX_DESCRIPTION_CHARS, `no máximo ${MAX_DESCRIPTION_CHARS} caracteres`),
  expectedEndAt: optionalDate,
  responsible: z
    .string()
    .trim()
    .max(MAX_RESPONSIBLE_CHARS, `no máximo ${MAX_RESPONSIBLE_CHARS} caracteres`)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
  planned: z.boolean().default(false),
  announcedAt: optionalDate,
  // Planned work: when the order starts by itself (null = started by hand with Executar).
  scheduledStartAt: optionalDate,
});

// Tolerance for the browser's clock running behind the server's when it plans a start "in a minute".
const SCHEDULE_CLOCK_SKEW_MS = 60_000;

/** The window rules shared by creation and re-planning: the start is in the future, the end after it. */
function refineScheduleWindow(v: { scheduledStartAt: Date | null; expectedEndAt: Date | null }, ctx: z.RefinementCtx): void {
  if (!v.scheduledStartAt) return;
  if (v.scheduledStartAt.getTime() < Date.now() - SCHEDULE_CLOCK_SKEW_MS) {
    ctx.addIssue({ code: "custom", path: ["scheduledStartAt"], message: "o início previsto já passou: escolha uma data futura" });
  }
  if (v.expectedEndAt && v.expectedEndAt.getTime() <= v.scheduledStartAt.getTime()) {
    ctx.addIssue({ code: "custom", path: ["expectedEndAt"], message: "a previsão de término deve ser depois do início previsto" });
  }
}

/** PUT /api/v1/service-orders/{id}/schedule: plans (or re-plans) an Aberta order's window. */
export const scheduleOrderSchema = z
  .object({
    scheduledStartAt: optionalDate.refine((d) => d !== null, { message: "informe o início previsto (scheduledStartAt, data ISO 8601)" }),
    expectedEndAt: optionalDate,
  })
  .superRefine(refineScheduleWindow)
  .transform((v) => ({ scheduledStartAt: v.scheduledStartAt as Date, expectedEndAt: v.expectedEndAt }));
export type ScheduleOrderInput = z.infer<typeof scheduleOrderSchema>;

// Tolerance for the browser's clock running ahead of the server's when it sends "announced now".
const ANNOUNCE_CLOCK_SKEW_MS = 5 * 60_000;

// Most offline logins a suggestion may name (a city-wide outage is far below this).
export const MAX_SUGGESTION_LOGINS = 100_000;

/** The outage suggestion a region was made from ("Criar região"): its recently offline logins. */
export const fromSuggestionSchema = z.object({
  offlineLoginIds: z
    .array(z.number({ error: "id de login deve ser um número" }).int("id de login inteiro").positive("id de login positivo").max(2_147_483_647, "id de login fora do intervalo"), { error: "offlineLoginIds deve ser uma lista de ids" })
    .min(1, "a sugestão não tem logins offline")
    .max(MAX_SUGGESTION_LOGINS, `no máximo ${MAX_SUGGESTION_LOGINS} logins`),
}, { error: "fromSuggestion deve ser um objeto { offlineLoginIds }" });

/** POST /api/v1/regions: the drawn polygon and its order (and the suggestion it came from, if any). */
export const createRegionSchema = orderFieldsSchema.extend({ region: polygonFeatureSchema, fromSuggestion: fromSuggestionSchema.optional() }).superRefine((v, ctx) => {
  refineScheduleWindow(v, ctx);
  if (v.announcedAt && !v.planned) {
    ctx.addIssue({ code: "custom", path: ["announcedAt"], message: "aviso prévio só vale para interrupção programada" });
  }
  if (v.announcedAt && v.announcedAt.getTime() > Date.now() + ANNOUNCE_CLOCK_SKEW_MS) {
    ctx.addIssue({ code: "custom", path: ["announcedAt"], message: "o aviso aos clientes não pode estar no futuro" });
  }
});
export type CreateRegionInput = z.infer<typeof createRegionSchema>;

/** PATCH /api/v1/service-orders/{id}/region */
export const updateRegionSchema = z.object({ region: polygonFeatureSchema });

/** A transition may carry a note (why it was cancelled, what was done). */
export const transitionSchema = z
  .object({ note: z.string().trim().max(MAX_DESCRIPTION_CHARS).optional() })
  .default({});

const statusList = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const parts = v.split(",").map((s) => s.trim()).filter(Boolean);
    for (const p of parts) {
      if (!(ORDER_STATUSES as readonly string[]).includes(p)) {
        ctx.addIssue({ code: "custom", message: `status desconhecido: ${p} (use ${ORDER_STATUSES.join(", ")})` });
        return z.NEVER;
      }
    }
    return parts as OrderStatusValue[];
  });

const queryDate = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    // A bare date is the start of that day on the ISP's clock.
    const d = /^\d{4}-\d{2}-\d{2}$/.test(v) ? zonedDayStart(v) : new Date(v);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: `data inválida: ${v}` });
      return z.NEVER;
    }
    return d;
  });

/** GET /api/v1/service-orders and the /ordens page: filters, search and page. */
export const listOrdersQuerySchema = z.object({
  status: statusList,
  subjectId: idSchema.optional(),
  // Period on the opening date; a bare date (AAAA-MM-DD) is a whole day in Brasília time.
  from: queryDate,
  to: queryDate,
  q: z.string().trim().max(200).optional().transform((v) => (v ? v : undefined)),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  format: z.enum(["json", "csv"]).default("json"),
});
export type ListOrdersQuery = z.infer<typeof listOrdersQuerySchema>;

/** "minLng,minLat,maxLng,maxLat" in degrees. */
export const bboxParamSchema = z
  .string({ error: "informe bbox=minLng,minLat,maxLng,maxLat" })
  .transform((v, ctx) => {
    const parts = v.split(",").map((s) => Number(s.trim()));
    if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) {
      ctx.addIssue({ code: "custom", message: "bbox deve ter 4 números: minLng,minLat,maxLng,maxLat" });
      return z.NEVER;
    }
    const [minLng, minLat, maxLng, maxLat] = parts as [number, number, number, number];
    if (minLng < -180 || maxLng > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: "custom", message: "bbox fora da faixa: longitude em [-180, 180], latitude em [-90, 90]" });
      return z.NEVER;
    }
    if (minLng > maxLng || minLat > maxLat) {
      ctx.addIssue({ code: "custom", message: "bbox invertida: o mínimo deve vir antes do máximo" });
      return z.NEVER;
    }
    return [minLng, minLat, maxLng, maxLat] as [number, number, number, number];
  });

/** GET /api/v1/regions?status=FINALIZADA,CANCELADA&bbox=minLng,minLat,maxLng,maxLat (bbox optional) */
export const listRegionsQuerySchema = z.object({ status: statusList, bbox: bboxParamSchema.optional() });

/** Map zooms the logins route answers for (Leaflet's: 0 = the whole world; the map goes to 19). */
export const MAX_MAP_ZOOM = 22;
/** Most vertices a polygon counted by POST /api/v1/logins/count may have (validatePolygon's own limit). */
export const MAX_COUNT_VERTICES = 5_000;
/** POST /api/v1/logins/count: a polygon being drawn, closed. Any shape is counted (even a crossing one,
 *  by the even-odd rule): the count follows the drawing vertex by vertex, validatePolygon judges it on save. */
export const countLoginsBodySchema = z.object({
  geometry: polygonGeometrySchema.superRefine((g, ctx) => {
    let vertices = 0;
    for (const ring of g.coordinates) {
      vertices += ring.length;
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (ring.length < 4 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) {
        ctx.addIssue({ code: "custom", message: "cada anel precisa de 4 pontos ou mais, o último igual ao primeiro" });
        return;
      }
      if (ring.some((p) => !((p[0] as number) >= -180 && (p[0] as number) <= 180 && (p[1] as number) >= -90 && (p[1] as number) <= 90))) {
        ctx.addIssue({ code: "custom", message: "coordenada fora da faixa: longitude em [-180, 180], latitude em [-90, 90]" });
        return;
      }
    }
    if (vertices > MAX_COUNT_VERTICES) ctx.addIssue({ code: "custom", message: `Polígono com ${vertices} pontos: o máximo é ${MAX_COUNT_VERTICES}` });
  }),
});

/** GET /api/v1/logins?bbox=…&zoom=N: the view's box and the map's zoom (the clusters' cell size follows it). */
export const listLoginsQuerySchema = z.object({
  bbox: bboxParamSchema,
  zoom: z.coerce
    .number({ error: `informe zoom=0..${MAX_MAP_ZOOM} (o zoom do mapa)` })
    .int("zoom deve ser um número inteiro")
    .min(0, "zoom mínimo é 0")
    .max(MAX_MAP_ZOOM, `zoom máximo é ${MAX_MAP_ZOOM}`),
});

/** GET /api/v1/service-orders/{id}/campaign: JSON (default) or CSV, one line per phone. */
/** A page of the campaign (customers by name); the screen's ?pagina= and the API's ?page=. */
export const campaignPageSchema = z.coerce.number({ error: "página deve ser um número" }).int("página deve ser inteira").min(1, "página mínima é 1").max(100_000, "página grande demais").default(1);
/** GET /api/v1/service-orders/{id}/campaign: every customer, or one page of them (?page=). */
export const campaignQuerySchema = z.object({
  format: z.enum(["json", "csv"], { error: "format deve ser json ou csv" }).default("json"),
  page: campaignPageSchema.optional(),
});

/** GET /api/v1/service-orders/{id}/contacts: the page. */
export const orderContactsQuerySchema = z.object({ page: z.coerce.number().int().min(1).default(1) });
