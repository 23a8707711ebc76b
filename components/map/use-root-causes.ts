"use client";
// The FTTH root-cause suggestions (GET /api/v1/topology/root-causes), polled with the outage suggestions.
import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/api-client";
import type { RootCauseView } from "@/lib/topology/find-root-causes";

/** As the geometric suggestions: the status feed may take a box down any time. */
const POLL_MS = 20_000;

export function useRootCauses(enabled: boolean): { rootCauses: RootCauseView[]; reload: () => Promise<void> } {
  const [rootCauses, setRootCauses] = useState<RootCauseView[]>([]);
  const controllerRef = useRef<AbortController | null>(null);
  const reload = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    try {
      setRootCauses((await apiFetch<{ rootCauses: RootCauseView[] }>("/api/v1/topology/root-causes", { signal: controller.signal })).rootCauses);
    } catch (err) {
      if ((err as Error).name !== "AbortError") console.warn("[mapa] falha ao carregar causas prováveis", err);
    }
  }, []);
  useEffect(function pollRootCausesWhileEnabled() {
    if (!enabled) return;
    void reload();
    const timer = setInterval(() => { if (!document.hidden) void reload(); }, POLL_MS);
    return function stopPollingRootCauses() {
      clearInterval(timer);
      controllerRef.current?.abort();
    };
  }, [enabled, reload]);
  return { rootCauses: enabled ? rootCauses : [], reload };
}
