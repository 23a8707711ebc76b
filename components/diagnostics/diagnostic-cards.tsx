// The eleven diagnostics as cards, green or red, with value and reason. Server-renderable.
import { DIAGNOSTIC_VARIABLES, type DiagnosticPath, type DiagnosticVariable } from "@/lib/diagnostics/types";
import { VARIABLE_LABELS } from "@/lib/diagnostics/variable-labels";

export interface DiagnosticCardsProps {
  variables: Record<DiagnosticVariable, string>;
  paths: Record<DiagnosticVariable, DiagnosticPath>;
  reasons: Record<DiagnosticVariable, string>;
}

export function DiagnosticCards({ variables, paths, reasons }: DiagnosticCardsProps) {
  return (
    <ul aria-label="Diagnósticos" className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3">
      {DIAGNOSTIC_VARIABLES.map((name) => {
        const green = paths[name] === "verde";
        return (
          <li
            key={name}
            data-variable={name}
            data-path={paths[name]}
            aria-label={`${VARIABLE_LABELS[name]}: ${variables[name]} (${green ? "caminho verde" : "caminho vermelho"})`}
            className={`rounded-lg border-l-4 bg-white p-3 shadow-sm ${green ? "border-green-600" : "border-red-600"}`}
          >
            <div className="flex items-start justify-between gap-2">
              <h3 className="text-sm font-medium text-slate-700">{VARIABLE_LABELS[name]}</h3>
              <span
                className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-semibold ${green ? "bg-green-100 text-green-800" : "bg-red-100 text-red-800"}`}
              >
                {green ? "verde" : "vermelho"}
              </span>
            </div>
            <p data-testid="value" className="mt-1 text-lg font-semibold">{variables[name]}</p>
            <p className="text-sm text-slate-600">{reasons[name]}</p>
            <code className="mt-1 block truncate text-[11px] text-slate-400" title={`{{${name}}}`}>{`{{${name}}}`}</code>
          </li>
        );
      })}
    </ul>
  );
}
