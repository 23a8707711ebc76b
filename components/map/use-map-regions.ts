"use client";
// The maintenance regions on the map: loaded from GET /api/v1/regions (open and executing, then closed
// ones, capped server-side), reloaded after a save, and patched in place when a popup changes a status.
import { useCallback, useEffect, useRef, useState } from "react";
import type { MapRegion } from "@/lib/orders/list-regions";
import type { OrderStatusValue } from "@/lib/validation/order";
import { apiFetch } from "@/lib/api-client";

export const ACTIVE_STATUSES: OrderStatusValue[] = ["ABERTA", "EM_EXECUCAO"];
const CLOSED_STATUSES: OrderStatusValue[] = ["FINALIZADA", "CANCELADA"];

export interface MapRegions {
  regions: MapRegion[];
  /** Always the latest regions, for event handlers registered once. */
  regionsRef: React.RefObject<MapRegion[]>;
  /** Bumped on every load: remounts the polygons (an abandoned vertex drag goes back). */
  epoch: number;
  remount: () => void;
  reload: () => Promise<void>;
  setStatus: (orderId: number, status: OrderStatusValue) => void;
}

export function useMapRegions(onError: (text: string) => void): MapRegions {
  const [regions, setRegions] = useState<MapRegion[]>([]);
  const [epoch, setEpoch] = useState(0);
  const regionsRef = useRef<MapRegion[]>([]);
  regionsRef.current = regions;
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const reload = useCallback(async () => {
    const fetchStatuses = async (s: OrderStatusValue[]) => {
      return (await apiFetch<{ regions: MapRegion[] }>(`/api/v1/regions?status=${s.join(",")}`)).regions;
    };
    try {
      const [active, closed] = await Promise.all([fetchStatuses(ACTIVE_STATUSES), fetchStatuses(CLOSED_STATUSES)]);
      setRegions([...closed, ...active]);
      setEpoch((e) => e + 1);
    } catch {
      onErrorRef.current("Não foi possível carregar as regiões de manutenção.");
    }
  }, []);

  useEffect(function loadRegionsOnce() {
    void reload();
  }, [reload]);

  const setStatus = useCallback((orderId: number, status: OrderStatusValue) => {
    setRegions((rs) => rs.map((r) => (r.orderId === orderId ? { ...r, status } : r)));
  }, []);

  const remount = useCallback(() => setEpoch((e) => e + 1), []);

  return { regions, regionsRef, epoch, remount, reload, setStatus };
}
