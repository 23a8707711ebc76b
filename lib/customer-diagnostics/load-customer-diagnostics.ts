// The diagnostics of one customer, step by step:
//   1. load  — the customer with everything the answer needs, the settings and the geo version stamps
//              (loadDiagnosticsData: one SQL statement);
//   2. decide — which contract is diagnosed and which login of each contract (pure, lib/diagnostics);
//   3. write — the lazy expiry of trust unlocks: a contract whose unlock ended unpaid goes back to its
//              previous access status (rare; the only write of this read, done here and nowhere else);
//   4. look up — the executing maintenance orders at each distinct installation point (the region index is
//              in memory: no query unless a point falls inside an executing region);
//   5. compute — the eleven variables of every contract (computeDiagnostics, pure);
//   6. shape — the answer (shapeDiagnosticsResponse; published as diagnosticsResponseSchema).
import { badRequest, notFound } from "../errors";
import { restoreExpiredTrustUnlock } from "../contract-actions/restore-expired-trust-unlock";
import { findExecutingOrdersAt, type ExecutingOrderHit } from "../maintenance/executing-regions";
import { chooseLogin } from "../diagnostics/choose-login";
import { computeDiagnostics } from "../diagnostics/compute-diagnostics";
import { findExpiredUnpaidTrustUnlock } from "../diagnostics/find-expired-unpaid-trust-unlock";
import { locateContracts } from "../diagnostics/locate-contracts";
import { selectContract } from "../diagnostics/select-contract";
import type { DiagnosticsSettings } from "../diagnostics/types";
import type { TechnologyValue } from "../domain/status-values";
import { loadDiagnosticsData, type LoadedContract, type LoadedLogin } from "./load-diagnostics-data";
import { shapeDiagnosticsResponse, type ContractDiagnosis } from "./shape-diagnostics-response";

export interface DiagnosticsTarget {
  /** The customer, by id or by document (digits); one of the two. */
  customerId?: number;
  document?: string;
  /** The 404 message when no customer matches (default names the id). */
  notFoundMessage?: string;
  contractId?: number;
  /** The login named by the lookup (its contract is then the default). */
  loginId?: number | null;
  expectedTechnology?: TechnologyValue | null;
}

export async function loadCustomerDiagnostics(target: DiagnosticsTarget, now: Date = new Date()) {
  const where =
    target.customerId !== undefined ? { id: target.customerId } : target.document !== undefined ? { document: target.document } : null;
  if (where === null) throw badRequest("Informe o cliente: cpf, phone, login ou customerId.", "cpf");
  const { settings, versions, customer } = await loadDiagnosticsData(where);
  if (!customer) throw notFound(target.notFoundMessage ?? `Cliente ${target.customerId ?? target.document} não encontrado.`);

  const { selected, defaultContract } = selectContract(customer.contracts, target);

  for (const contract of customer.contracts) {
    const due = findExpiredUnpaidTrustUnlock(contract, contract.trustUnlocks, contract.invoices, now);
    // The contract is then diagnosed with its restored status.
    if (due && (await restoreExpiredTrustUnlock(contract.id, due))) contract.accessStatus = due.previousAccessStatus;
  }

  const chosenLogins = new Map(customer.contracts.map((c) => [c.id, chooseLogin(c.logins, target.loginId)]));
  const { keyOf, customerKey, points } = locateContracts(customer, customer.contracts, (id) => chosenLogins.get(id) ?? null);
  // The regions' index checks its version stamp: the one read with the customer above (same round trip).
  const hitsByPoint = new Map<string, ExecutingOrderHit[]>(
    await Promise.all([...points].map(async ([key, [lng, lat]]) => [key, await findExecutingOrdersAt(lng, lat, versions)] as const)),
  );

  const diagnosticsSettings: DiagnosticsSettings = {
    trustUnlockDays: settings.trustUnlockDays,
    trustUnlockLookbackDays: settings.trustUnlockLookbackDays,
    expectedTechnology: settings.expectedTechnology,
  };
  const expectedTechnology = target.expectedTechnology ?? settings.expectedTechnology;
  const diagnose = (contract: LoadedContract | null): ContractDiagnosis => {
    const login: LoadedLogin | null = contract ? (chosenLogins.get(contract.id) ?? null) : null;
    const key = contract ? keyOf.get(contract.id) : customerKey;
    const hits = key ? (hitsByPoint.get(key) ?? []) : [];
    const result = computeDiagnostics(
      {
        customer: { active: customer.active, branch: customer.branch },
        contract,
        trustUnlocks: contract?.trustUnlocks ?? [],
        invoices: contract?.invoices ?? [],
        login,
        maintenanceOrders: hits.map((h) => ({ id: h.orderId, number: h.number, message: h.maintenanceMessage })),
        expectedTechnology,
      },
      now,
      diagnosticsSettings,
    );
    return { contract, login, hits, result };
  };

  const contracts = customer.contracts.map(diagnose);
  const current = selected ? contracts.find((d) => d.contract === selected)! : diagnose(null);
  return shapeDiagnosticsResponse({ customer, now, expectedTechnology, contracts, current, defaultContractId: defaultContract?.id ?? null });
}

export type CustomerDiagnostics = Awaited<ReturnType<typeof loadCustomerDiagnostics>>;
