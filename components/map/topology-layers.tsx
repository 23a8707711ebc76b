"use client";
// The FTTH plant on the maintenance map: the CTO layer, the root-cause suggestions and the element panel
// (logins of a CTO / PON / OLT, "Criar OS para este equipamento"). Rendered inside the MapContainer; the
// panel goes to document.body (a fixed sheet, outside Leaflet's event handling).
import { useCallback, useState } from "react";
import { createPortal } from "react-dom";
import type { SubjectOption } from "@/components/orders/order-form-dialog";
import type { CtoInView } from "@/lib/topology/list-ctos-in-bbox";
import type { RootCauseView } from "@/lib/topology/find-root-causes";
import { CtoLayer } from "./cto-layer";
import { ElementPanel, type PanelElement } from "./element-panel";
import type { CreatedEquipmentOrder } from "./equipment-order-form";
import { RootCauseLayer, rootCauseLabel } from "./root-cause-layer";
import { useRootCauses } from "./use-root-causes";

function fromCto(c: CtoInView, ordering: boolean): PanelElement {
  return {
    kind: "CTO", id: c.id, ordering,
    pon: c.ponId !== null ? { id: c.ponId, label: c.ponLabel ?? "" } : null,
    olt: c.oltId !== null ? { id: c.oltId, name: c.oltName ?? "OLT" } : null,
  };
}

export function TopologyLayers({ canWrite, subjects, showCtos, showRootCauses, disabled, onOrderCreated }: {
  canWrite: boolean;
  subjects: SubjectOption[];
  /** The layer panel's "Caixas (CTO)" and "Causas prováveis (rede)". */
  showCtos: boolean;
  showRootCauses: boolean;
  disabled: boolean;
  onOrderCreated: (created: CreatedEquipmentOrder) => Promise<void> | void;
}) {
  const [element, setElement] = useState<PanelElement | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const { rootCauses, reload } = useRootCauses(showRootCauses);

  const onRootCause = useCallback((r: RootCauseView) => {
    setElement({ kind: r.kind, id: r.id, ordering: true, description: `Causa provável: ${rootCauseLabel(r)}` });
  }, []);

  async function created(c: CreatedEquipmentOrder) {
    setElement(null);
    setReloadKey((k) => k + 1);
    await Promise.all([onOrderCreated(c), reload()]);
  }

  return (
    <>
      {showCtos ? <CtoLayer reloadKey={reloadKey} onSelect={(c) => setElement(fromCto(c, false))} onMenu={(c) => { if (!disabled) setElement(fromCto(c, canWrite)); }} /> : null}
      {showRootCauses ? <RootCauseLayer rootCauses={rootCauses} canWrite={canWrite} disabled={disabled} onCreateOrder={onRootCause} /> : null}
      {element
        ? createPortal(
            <ElementPanel key={`${element.kind}:${element.id}`} element={element} canWrite={canWrite} subjects={subjects}
              onClose={() => setElement(null)} onSwitch={setElement} onOrderCreated={(c) => void created(c)} />,
            document.body,
          )
        : null}
    </>
  );
}
