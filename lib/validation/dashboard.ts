import { z } from "zod";
import { toZonedDate } from "../format/date-time";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "data no formato AAAA-MM-DD");

// Default period: the last 30 days (a billing cycle).
export const DEFAULT_PERIOD_DAYS = 30;
// Longest period charted (two years of daily bars is already unreadable).
export const MAX_PERIOD_DAYS = 731;

export const dashboardQuerySchema = z
  .object({ from: day.optional(), to: day.optional() })
  .transform((v, ctx) => {
    const to = v.to ?? toZonedDate(new Date()); // today on the ISP's calendar
    const from = v.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_PERIOD_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
    const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
    if (days < 1) ctx.addIssue({ code: "custom", path: ["from"], message: "o início do período é depois do fim" });
    if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: "custom", path: ["from"], message: `período de no máximo ${MAX_PERIOD_DAYS} dias` });
    return { from, to, days };
  });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;
