import { db } from "../db";
import { settingsSchema, DEFAULT_SETTINGS, type Settings } from "../validation/settings";

export const SETTINGS_KEY = "app";

/** The settings row's value (null when there is no row) merged over the defaults. */
export function parseSettings(value: unknown): Settings {
  if (value === null || value === undefined) return { ...DEFAULT_SETTINGS };
  const parsed = settingsSchema.safeParse(value);
  return parsed.success ? parsed.data : settingsSchema.parse({});
}

/** The settings row merged over the defaults (a missing row means all defaults). */
export async function getSettings(): Promise<Settings> {
  const row = await db.setting.findUnique({ where: { key: SETTINGS_KEY }, select: { value: true } });
  return parseSettings(row?.value);
}
