import { db, type Prisma } from "../db";
import { settingsPatchSchema, settingsSchema, type Settings } from "../validation/settings";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { getSettings, SETTINGS_KEY } from "./get-settings";

export async function updateSettings(patch: unknown, principal: Principal): Promise<Settings> {
  const changes = settingsPatchSchema.parse(patch);
  const next = settingsSchema.parse({ ...(await getSettings()), ...changes });
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: SETTINGS_KEY },
      create: { key: SETTINGS_KEY, value: next as Prisma.InputJsonValue },
      update: { value: next as Prisma.InputJsonValue },
    });
    await recordAudit(tx, principal, "settings.update", { type: "Setting", id: SETTINGS_KEY }, changes as Prisma.InputJsonValue);
  });
  return next;
}
