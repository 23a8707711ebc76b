// The provider's settings, shared by the settings form and the API. Each default is documented.
import { z } from "zod";
import { TECHNOLOGY_VALUES, type TechnologyValue } from "../domain/status-values";

const TECHNOLOGIES = Object.values(TECHNOLOGY_VALUES) as [TechnologyValue, ...TechnologyValue[]];

export const settingsSchema = z.object({
  // Days a trust unlock keeps a blocked contract released (IXC's usual default: 3).
  trustUnlockDays: z.coerce.number().int().min(1, "mínimo 1 dia").max(15, "máximo 15 dias").default(3),
  // A new trust unlock is refused when the last one is this recent and its overdue invoices are unpaid.
  trustUnlockLookbackDays: z.coerce.number().int().min(1).max(365).default(30),
  // Technology the chatbot flow expects when it passes none (null = any technology is green).
  expectedTechnology: z.enum(TECHNOLOGIES).nullable().default("Fibra"),
  // Downtime discount rule used when the order's subject chooses none.
  discountRule: z.enum(["ANATEL_RQUAL", "IXC"]).default("ANATEL_RQUAL"),
  // Largest maintenance region accepted, in km² (a city district is ~5–50 km²).
  maxRegionAreaKm2: z.coerce.number().positive().max(100_000).default(500),
  // Window in which logins that went offline count towards an outage suggestion, in minutes.
  outageWindowMinutes: z.coerce.number().int().min(1).max(1440).default(30),
  // Outage suggestions (lib/outages/detect-outages.ts): DBSCAN radius in metres (about a block).
  outageRadiusM: z.coerce.number().int().min(20).max(2_000).default(150),
  // Fewest recently-offline logins in a suggestion.
  outageMinOffline: z.coerce.number().int().min(2).max(10_000).default(8),
  // Smallest share of the area's logins offline, in percent (a majority by default).
  outageMinSharePercent: z.coerce.number().min(1).max(100).default(50),
  // Margin around the offline logins' hull, in metres (keep it below half the radius).
  outageMarginM: z.coerce.number().int().min(0).max(1_000).default(60),
  // Planned work: hours of notice customers must get before the start (Anatel RQUAL: 72). Less is a warning
  // when planning, and customers told later than this are refunded (lib/discounts).
  plannedNoticeHours: z.coerce.number().int().min(1, "mínimo 1 hora").max(720, "máximo 720 horas").default(72),
  // Planned work: the low-use window, whole hours on the ISP's clock [start, end) (public Anatel summaries:
  // 0–6 h for the internal plant). Starting outside it is a warning, never a refusal. start > end wraps midnight.
  lowUseStartHour: z.coerce.number().int().min(0, "hora entre 0 e 23").max(23, "hora entre 0 e 23").default(0),
  lowUseEndHour: z.coerce.number().int().min(0, "hora entre 0 e 24").max(24, "hora entre 0 e 24").default(6),
  // Planned work: how far around now an Aberta order's planned start makes outage detection ignore its area
  // (crews arrive early; the job starts it on time), in minutes.
  plannedDetectionMarginMinutes: z.coerce.number().int().min(0).max(1440).default(60),
});

export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
export const settingsPatchSchema = settingsSchema.partial();
