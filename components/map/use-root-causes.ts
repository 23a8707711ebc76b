"use client";
// The FTTH root-cause suggestions (GET /api/v1/topology/root-causes), polled with the outage suggestions.
import type { RootCauseView } from "@/lib/topology/find-root-causes";
import { usePolledApi } from "./use-polled-api";

/** As the geometric suggestions: the status feed may take a box down any time. */
const POLL_MS = 20_000;

export function useRootCauses(enabled: boolean): { rootCauses: RootCauseView[]; reload: () => Promise<void> } {
  const { data, reload } = usePolledApi<{ rootCauses: RootCauseView[] }>("/api/v1/topology/root-causes", enabled, POLL_MS, "causas prováveis");
  return { rootCauses: data?.rootCauses ?? [], reload };
}
