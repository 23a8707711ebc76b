"use client";
// The outage suggestions shown on the map: GET /api/v1/outages/suggestions while the layer is on, again
// every POLL_MS and when the window regains focus (the status feed changes logins within seconds).
import type { SuggestionWithOverlaps } from "@/lib/outages/suggest-outages";
import { usePolledApi } from "./use-polled-api";

/** Re-ask the server this often: detection is cheap and the feed may mark a neighbourhood offline any time. */
const POLL_MS = 20_000;

export type MapSuggestion = SuggestionWithOverlaps;

export function useOutageSuggestions(enabled: boolean): { suggestions: MapSuggestion[]; reload: () => Promise<void> } {
  const { data, reload } = usePolledApi<{ suggestions: MapSuggestion[] }>("/api/v1/outages/suggestions", enabled, POLL_MS, "sugestões de interrupção");
  return { suggestions: data?.suggestions ?? [], reload };
}
