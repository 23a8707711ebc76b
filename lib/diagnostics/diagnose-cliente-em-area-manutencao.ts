import type { DiagnosticResult, DiagnosticsMaintenanceOrder, DiagnosticValues } from "./types";

/**
 * diagnosticoClienteEmAreaManutencao: Sim | Não, green when Não. `orders` are the Em Execução service
 * orders whose region contains the customer's location, found by lib/geo; this only maps them. The reason
 * names the orders ("OS 12, OS 15", by number); the subject's message is the caller's to send.
 */
export function diagnoseClienteEmAreaManutencao(
  orders: readonly Pick<DiagnosticsMaintenanceOrder, "number">[],
): DiagnosticResult<DiagnosticValues["diagnosticoClienteEmAreaManutencao"]> {
  if (orders.length === 0) return { value: "Não", path: "verde", reason: "Cliente fora de áreas em manutenção" };
  const numbers = [...new Set(orders.map((order) => order.number))].sort((a, b) => a - b);
  return {
    value: "Sim",
    path: "vermelho",
    reason: `Cliente em área de manutenção: ${numbers.map((n) => `OS ${n}`).join(", ")}`,
  };
}
