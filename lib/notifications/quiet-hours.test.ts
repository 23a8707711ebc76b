import { describe, expect, test } from "vitest";
import { quietUntil } from "./quiet-hours";

// São Paulo is UTC−3 all year (no daylight saving since 2019).
const at = (iso: string) => new Date(iso);

describe("quietUntil", () => {
  test.each([
    { label: "inside a window crossing midnight, before midnight", now: "2026-12-01T01:30:00Z", until: "2026-12-01T11:00:00.000Z" },
    { label: "inside it, after midnight", now: "2026-12-01T05:15:30Z", until: "2026-12-01T11:00:00.000Z" },
    { label: "outside it", now: "2026-11-30T15:00:00Z", until: null },
    { label: "at its end", now: "2026-12-01T11:00:00Z", until: null },
    { label: "at its start", now: "2026-12-01T00:00:00Z", until: "2026-12-01T11:00:00.000Z" },
  ])("$label", ({ now, until }) => {
    expect(quietUntil(at(now), { enabled: true, start: "21:00", end: "08:00" })?.toISOString() ?? null).toBe(until);
  });

  test("a window within one day, and a window that is off", () => {
    expect(quietUntil(at("2026-11-30T16:00:00Z"), { enabled: true, start: "12:00", end: "14:00" })?.toISOString()).toBe("2026-11-30T17:00:00.000Z");
    expect(quietUntil(at("2026-11-30T23:30:00Z"), { enabled: false, start: "21:00", end: "08:00" })).toBeNull();
  });
});
