// The status page's branding (Setting "status-page"): read merged over the defaults, and saved by an admin
// (audited in the same transaction). The page itself reads it through the read model (no query per visit).
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import {
  statusPageSettingsPatchSchema,
  statusPageSettingsSchema,
  DEFAULT_STATUS_PAGE_SETTINGS,
  type StatusPageSettings,
} from "../validation/status-page";

export const STATUS_PAGE_SETTING_KEY = "status-page";

export function parseStatusPageSettings(value: unknown): StatusPageSettings {
  const parsed = statusPageSettingsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : { ...DEFAULT_STATUS_PAGE_SETTINGS };
}

export async function getStatusPageSettings(): Promise<StatusPageSettings> {
  const row = await db.setting.findUnique({ where: { key: STATUS_PAGE_SETTING_KEY }, select: { value: true } });
  return parseStatusPageSettings(row?.value);
}

export async function saveStatusPageSettings(patch: unknown, principal: Principal): Promise<StatusPageSettings> {
  const change = statusPageSettingsPatchSchema.parse(patch);
  const next = statusPageSettingsSchema.parse({ ...(await getStatusPageSettings()), ...change });
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: STATUS_PAGE_SETTING_KEY },
      create: { key: STATUS_PAGE_SETTING_KEY, value: next as Prisma.InputJsonValue },
      update: { value: next as Prisma.InputJsonValue },
    });
    // The logo itself is not copied into the audit (up to 64 KB): only that it changed.
    const { logo, ...rest } = change;
    await recordAudit(tx, principal, "status-page.configure", { type: "Setting", id: STATUS_PAGE_SETTING_KEY }, {
      ...rest, ...(logo !== undefined ? { logoChanged: true } : {}),
    } as Prisma.InputJsonValue);
  });
  return next;
}
