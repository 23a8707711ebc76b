"use client";
// FTTH root-cause suggestions beside the geometric ones: a label at the element ("CTO 00042: 7 de 8 offline"),
// whose popup explains the evidence and opens "Criar OS para este equipamento" in one click.
import L from "leaflet";
import { useMemo } from "react";
import { Marker } from "react-leaflet";
import { formatInteger } from "@/lib/format/number";
import type { RootCauseView } from "@/lib/topology/find-root-causes";
import { setData, textElement } from "./map-dom";
import { MapPopup } from "./map-popup";
import { formatSince } from "./suggestion-text";

/** Below the outage labels (which other flows click) but above login clusters. */
const LABEL_Z_OFFSET = 4_000;

/** The label hangs this far below the element, so the CTO's circle stays clickable. */
const LABEL_GAP_PX = 12;

const KIND_LABEL = { CTO: "CTO", PON: "PON", OLT: "OLT" } as const;

export function rootCauseLabel(r: RootCauseView): string {
  return `${r.name}: ${formatInteger(r.offlineCount)} de ${formatInteger(r.baseCount)} offline`;
}

function labelIcon(text: string): L.DivIcon {
  const box = setData(textElement(text, "raio-outage-label-box raio-root-cause-box"), { testid: "root-cause-label" });
  return L.divIcon({ className: "raio-outage-label", iconSize: undefined, iconAnchor: [0, -LABEL_GAP_PX], popupAnchor: [0, LABEL_GAP_PX], html: box });
}

export function RootCauseLayer({ rootCauses, canWrite, disabled, onCreateOrder }: {
  rootCauses: RootCauseView[];
  canWrite: boolean;
  disabled: boolean;
  onCreateOrder: (r: RootCauseView) => void;
}) {
  const icons = useMemo(() => new Map(rootCauses.map((r) => [`${r.kind}:${r.id}`, labelIcon(rootCauseLabel(r))])), [rootCauses]);
  return (
    <>
      {rootCauses.map((r) => (
        <Marker key={`${r.kind}:${r.id}`} position={[r.lat, r.lng]} icon={icons.get(`${r.kind}:${r.id}`)!} zIndexOffset={LABEL_Z_OFFSET}
          title={`Causa provável: ${rootCauseLabel(r)}`}>
          <MapPopup>
            <div className="min-w-56 max-w-72 space-y-1 text-sm" data-testid="root-cause-popup">
              <p className="font-semibold text-red-800">Causa provável: {KIND_LABEL[r.kind]} {r.name}</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-slate-700">
                <dt>Caíram:</dt><dd>{formatInteger(r.offlineCount)} de {formatInteger(r.baseCount)} ({Math.round(r.offlineShare * 100)}%)</dd>
                <dt>Desde:</dt><dd>{formatSince(r.firstOfflineAt)}</dd>
                <dt>Logins:</dt><dd>{formatInteger(r.loginCount)}</dd>
                {r.suspectChildren !== null ? (<><dt>{r.kind === "OLT" ? "PONs" : "CTOs"} caídas:</dt><dd>{r.suspectChildren} de {r.activeChildren}</dd></>) : null}
              </dl>
              <p className="text-xs text-slate-500">Os logins deste equipamento caíram juntos na janela de detecção; a OS afeta exatamente esses logins.</p>
              {canWrite ? (
                <button type="button" disabled={disabled} onClick={() => onCreateOrder(r)}
                  className="mt-1 rounded bg-red-600 px-3 py-1 font-semibold text-white hover:bg-red-700 disabled:opacity-50">
                  Criar OS para este equipamento
                </button>
              ) : null}
            </div>
          </MapPopup>
        </Marker>
      ))}
    </>
  );
}
