import { describe, expect, it } from "vitest";
import { checkSchedule, isInsideLowUseWindow } from "./check-schedule";

const ZONE = "America/Sao_Paulo";
const sp = (wall: string) => new Date(`${wall}:00-03:00`);
const RULES = { plannedNoticeHours: 72, lowUseStartHour: 0, lowUseEndHour: 6 };

describe("checkSchedule", () => {
  it("warns nothing for a start 72 h ahead inside the low-use window", () => {
    expect(checkSchedule(sp("2026-12-04T02:00"), sp("2026-12-01T02:00"), RULES, ZONE)).toEqual([]);
  });

  it("warns about a notice shorter than 72 h, naming the hours and the last instant to tell customers", () => {
    const w = checkSchedule(sp("2026-12-04T02:00"), sp("2026-12-01T02:01"), RULES, ZONE);
    expect(w.map((x) => x.code)).toEqual(["SHORT_NOTICE"]);
    expect(w[0]!.message).toContain("71 h 59 min");
    expect(w[0]!.message).toContain("01/12/2026 02:00");
  });

  it("warns about a start outside the low-use window on the ISP's clock (not UTC)", () => {
    // 05:30 in São Paulo is 08:30 UTC: inside 00–06 locally.
    expect(checkSchedule(sp("2026-12-10T05:30"), sp("2026-12-01T00:00"), RULES, ZONE)).toEqual([]);
    const w = checkSchedule(sp("2026-12-10T06:00"), sp("2026-12-01T00:00"), RULES, ZONE);
    expect(w).toEqual([{ code: "OUTSIDE_LOW_USE", message: "Início às 06:00, fora da janela de baixo uso (00:00–06:00)." }]);
  });

  it.each([
    { label: "inside a window across midnight", wall: "2026-12-10T23:30", inside: true },
    { label: "after it", wall: "2026-12-10T03:00", inside: false },
    { label: "at its start", wall: "2026-12-10T22:00", inside: true },
  ])("reads a 22–02 window: $label", ({ wall, inside }) => {
    expect(isInsideLowUseWindow(sp(wall), { lowUseStartHour: 22, lowUseEndHour: 2 }, ZONE)).toBe(inside);
  });
});
