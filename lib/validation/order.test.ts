import { describe, expect, it } from "vitest";
import { bboxParamSchema, createRegionSchema, listOrdersQuerySchema } from "./order";

const region = { type: "Feature", geometry: { type: "Polygon", coordinates: [[[-47, -23], [-46.9, -23], [-46.9, -22.9], [-47, -23]]] } };

describe("bbox parameter", () => {
  it.each([
    { label: "three numbers", value: "1,2,3", message: /4 números/ },
    { label: "a non-number", value: "a,b,c,d", message: /4 números/ },
    { label: "a longitude out of range", value: "-200,-22,-46,-21", message: /fora da faixa/ },
    { label: "min after max", value: "-46,-22,-47,-21", message: /invertida/ },
  ])("refuses $label naming the problem", ({ value, message }) => {
    const r = bboxParamSchema.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(message);
  });

  it("reads minLng,minLat,maxLng,maxLat", () => {
    expect(bboxParamSchema.parse(" -47.1, -22.95,-47,-22.85")).toEqual([-47.1, -22.95, -47, -22.85]);
  });
});

describe("order fields", () => {
  it("defaults planned to false and empty optional fields to null", () => {
    const v = createRegionSchema.parse({ region, description: "  Troca de OLT  ", responsible: "", expectedEndAt: "" });
    expect(v).toMatchObject({ description: "Troca de OLT", responsible: null, expectedEndAt: null, planned: false, announcedAt: null });
  });

  it("refuses an announcement on an unplanned order, and one in the future", () => {
    const unplanned = createRegionSchema.safeParse({ region, description: "abc", announcedAt: new Date().toISOString() });
    expect(unplanned.error?.issues[0]?.path).toEqual(["announcedAt"]);
    const future = createRegionSchema.safeParse({ region, description: "abc", planned: true, announcedAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.error?.issues[0]?.message).toMatch(/futuro/);
  });

  it("refuses an invalid expected end naming the field", () => {
    const r = createRegionSchema.safeParse({ region, description: "abc", expectedEndAt: "amanhã" });
    expect(r.error?.issues[0]?.path).toEqual(["expectedEndAt"]);
  });
});

describe("orders list query", () => {
  it("reads a status list and a whole-day period in Brasília time", () => {
    const q = listOrdersQuerySchema.parse({ status: "ABERTA,EM_EXECUCAO", from: "2026-11-23" });
    expect(q.status).toEqual(["ABERTA", "EM_EXECUCAO"]);
    expect(q.from?.toISOString()).toBe("2026-11-23T03:00:00.000Z");
    expect(q).toMatchObject({ page: 1, pageSize: 20 });
  });

  it("refuses an unknown status naming it", () => {
    expect(listOrdersQuerySchema.safeParse({ status: "FECHADA" }).error?.issues[0]?.message).toMatch(/FECHADA/);
  });
});
