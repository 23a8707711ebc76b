"use client";
// A GET of the app's API shown on the map while a layer is on: asked at once, again every `pollMs` (while the
// tab is visible) and when the window regains focus; a failed poll keeps what is shown and is retried at the
// next tick. Used by the outage suggestions and the FTTH root causes.
import { useCallback, useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/api-client";

export function usePolledApi<T>(path: string, enabled: boolean, pollMs: number, what: string): { data: T | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T | null>(null);
  const controllerRef = useRef<AbortController | null>(null);

  const reload = useCallback(async () => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    try {
      setData(await apiFetch<T>(path, { signal: controller.signal }));
    } catch (err) {
      if ((err as Error).name !== "AbortError") console.warn(`[mapa] falha ao carregar ${what}`, err);
    }
  }, [path, what]);

  useEffect(function pollWhileEnabled() {
    if (!enabled) return;
    void reload();
    const timer = setInterval(() => { if (!document.hidden) void reload(); }, pollMs);
    const onFocus = () => void reload();
    window.addEventListener("focus", onFocus);
    return function stopPolling() {
      clearInterval(timer);
      window.removeEventListener("focus", onFocus);
      controllerRef.current?.abort();
    };
  }, [enabled, reload, pollMs]);

  return { data: enabled ? data : null, reload };
}
