// The set-based upsert writes only what changed: importing the same files again rewrites no row (Login's
// updatedAt stays) and leaves the login-locations stamp alone, so the app's point indexes are not rebuilt for
// nothing; a login that moved is written, and the stamp moves with it.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { importErpFolder } from "@/lib/import/import-erp-folder";
import { readGeoVersions } from "@/lib/maintenance/geo-version";

const VALID = path.join(import.meta.dirname, "fixtures", "valid");

function folder(editLogins?: (text: string) => string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "raio-upsert-"));
  cpSync(VALID, dir, { recursive: true });
  if (editLogins) writeFileSync(path.join(dir, "logins.csv"), editLogins(readFileSync(path.join(dir, "logins.csv"), "utf8")));
  return dir;
}

const updatedAt = async () => Object.fromEntries((await db.login.findMany({ select: { externalId: true, updatedAt: true } })).map((l) => [l.externalId, l.updatedAt.getTime()]));

describe("upsert of ERP rows", () => {
  it("rewrites nothing when nothing changed, and bumps the login-locations stamp only when a login moves", async () => {
    expect((await importErpFolder(folder())).errors).toEqual([]);
    const first = await readGeoVersions();
    const before = await updatedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));

    expect((await importErpFolder(folder())).errors).toEqual([]);
    expect((await readGeoVersions()).logins).toBe(first.logins);
    expect(await updatedAt()).toEqual(before);

    // L101 moves a little; everything else is the same.
    expect((await importErpFolder(folder((t) => t.replace("-22.90251,-47.04049", "-22.90261,-47.04049")))).errors).toEqual([]);
    expect((await readGeoVersions()).logins).toBe(first.logins + 1n);
    const after = await updatedAt();
    expect(after.L101).toBeGreaterThan(before.L101!);
    expect(Object.entries(after).filter(([id, t]) => id !== "L101" && t !== before[id])).toEqual([]);
    expect((await db.login.findUniqueOrThrow({ where: { externalId: "L101" }, select: { lat: true } })).lat).toBe(-22.90261);
  });
});
