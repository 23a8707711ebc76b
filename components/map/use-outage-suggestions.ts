"use client";
// The outage suggestions shown on the map: GET /api/v1/outages/suggestions while the layer is on, again
// every POLL_MS and when the window regains focus (the status feed changes logins within seconds).
import { useCallback, useEffect, useRef, useState } from "react";
import type { SuggestionWithOverlaps } from "@/lib/outages/suggest-outages";
import { apiFetch } from "@/lib/api-client";

/** Re-ask the server this often: detection is cheap and the feed may mark a neighbourhood offline any time. */
const POLL_MS = 20_000;

export type MapSuggestion = SuggestionWithOverlaps;

export function useOutageSuggestions(enabled: boolean): { suggestions: MapSuggestion[]; reload: () => Promise<void> } {
  const [suggestions, setSuggestions] = useState<MapSuggestion[]>([]);
  const controllerRef = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    try {
      setSuggestions((await apiFetch<{ suggestions: MapSuggestion[] }>("/api/v1/outages/suggestions", { signal: controller.signal })).suggestions);
    } catch (err) {
      // Keep what is shown: a failed poll is retried at the next tick.
      if ((err as Error).name !== "AbortError") console.warn("[mapa] falha ao carregar sugestões de interrupção", err);
    }
  }, []);

  useEffect(function pollSuggestionsWhileEnabled() {
    if (!enabled) return;
    void reload();
    const timer = setInterval(() => { if (!document.hidden) void reload(); }, POLL_MS);
    const onFocus = () => void reload();
    window.addEventListener("focus", onFocus);
    return function stopPollingSuggestions() {
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      controllerRef.current?.abort();
    };
  }, [enabled, reload]);

  return { suggestions: enabled ? suggestions : [], reload };
}
