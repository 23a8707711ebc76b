import { db } from "../db";
import { settingsSchema, type Settings } from "../validation/settings";

export const SETTINGS_KEY = "app";

/** The settings row merged over the defaults (a missing row means all defaults). */
export async function getSettings(): Promise<Settings> {
  const row = await db.setting.findUnique({ where: { key: SETTINGS_KEY }, select: { value: true } });
  const parsed = settingsSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : settingsSchema.parse({});
}
