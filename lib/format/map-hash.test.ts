import { describe, expect, it } from "vitest";
import { formatHashView, parseHashView } from "./map-hash";

describe("the map view in the address", () => {
  it("reads what it writes, to within the decimals its zoom keeps", () => {
    for (const zoom of [4, 11, 13, 17, 19]) {
      const view = { zoom, lat: -22.9252123456, lng: -47.0248987654 };
      const back = parseHashView(formatHashView(view), 4, 19)!;
      expect(back.zoom).toBe(zoom);
      // A pixel at this zoom is 360 / 2^(zoom + 8) degrees of longitude: the round trip stays within one.
      const pixel = 360 / 2 ** (zoom + 8);
      expect(Math.abs(back.lat - view.lat)).toBeLessThan(pixel);
      expect(Math.abs(back.lng - view.lng)).toBeLessThan(pixel);
    }
    expect(formatHashView({ zoom: 13, lat: -22.9056, lng: -47.0608 })).toBe("#13/-22.9056/-47.0608");
  });

  it("takes nothing from a malformed, out-of-range or hostile hash", () => {
    for (const hash of ["", "#", "#13/-22.9", "#13/abc/-47", "#13/-22.9/-47.0/1", "#3/-22.9/-47.0", "#20/-22.9/-47.0",
      "#13/-90/-47", "#13/-22.9/181", "#13/1e3/2", "#13/-22.9/-47.0<script>", "#13/ -22.9/-47.0", "#1.5/-22.9/-47.0"]) {
      expect(parseHashView(hash, 4, 19), hash).toBeNull();
    }
    expect(parseHashView("#17/-22.9252/-47.0248", 4, 19)).toEqual({ zoom: 17, lat: -22.9252, lng: -47.0248 });
  });
});
