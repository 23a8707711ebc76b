// The answer of the diagnostics (API, panel, contacts, campaign): the computed variables with the views of
// the customer, the contract and its logins, and the maintenance messages rendered for this customer.
// Pure: plain data in, the answer out; its published form is diagnosticsResponseSchema.
import type { ExecutingOrderHit } from "../maintenance/executing-regions";
import { MB_PER_GB } from "../diagnostics/diagnose-acesso-franquiatindgida";
import { findActiveTrustUnlock } from "../diagnostics/find-active-trust-unlock";
import { isInvoiceOverdue } from "../diagnostics/is-invoice-overdue";
import { toCalendarDate } from "../format/date-time";
import type { DiagnosticsResult } from "../diagnostics/types";
import { ACCESS_STATUS_VALUES, CONTRACT_STATUS_VALUES, LOGIN_STATUS_VALUES, TECHNOLOGY_VALUES, type TechnologyValue } from "../domain/status-values";
import { renderCustomerMessage } from "../templates/render-customer-message";
import { formatDocument } from "../validation/document";
import { formatPhone } from "../validation/phone";
import type { LoadedContract, LoadedCustomer, LoadedLogin } from "./load-diagnostics-data";

/** Shown when the maintenance subject has no return message configured. */
export const DEFAULT_MAINTENANCE_MESSAGE =
  "Olá, {{primeiroNome}}! Estamos realizando uma manutenção na rede da sua região (OS {{os}}). Previsão de normalização: {{previsao}}.";

/** One contract's (or, for a customer without contracts, the customer's) computed diagnosis. */
export interface ContractDiagnosis {
  contract: LoadedContract | null;
  login: LoadedLogin | null;
  /** The executing orders whose region holds this contract's point. */
  hits: readonly ExecutingOrderHit[];
  result: DiagnosticsResult;
}

export interface DiagnosticsAnswerInput {
  customer: LoadedCustomer;
  now: Date;
  expectedTechnology: TechnologyValue | null;
  /** Every contract's diagnosis, in the customer's contract order. */
  contracts: readonly ContractDiagnosis[];
  /** The diagnosis answered at the top level: the selected contract's, or the customer's without contracts. */
  current: ContractDiagnosis;
  defaultContractId: number | null;
}

export function shapeDiagnosticsResponse({ customer, now, expectedTechnology, contracts, current, defaultContractId }: DiagnosticsAnswerInput) {
  const selectedId = current.contract?.id ?? null;
  const perContract = contracts.map((d) => ({ id: d.contract!.id, diagnostics: shapeContract(customer, d, now) }));
  const top = selectedId === null ? shapeContract(customer, current, now) : perContract.find((p) => p.id === selectedId)!.diagnostics;
  return {
    checkedAt: now,
    expectedTechnology,
    customer: customerView(customer),
    contractId: selectedId,
    defaultContractId,
    ...top,
    contracts: perContract.map(({ id, diagnostics: d }) => ({
      id,
      isDefault: id === defaultContractId,
      selected: id === selectedId,
      status: d.contract!.status,
      accessStatus: d.contract!.accessStatus,
      plan: d.contract!.plan.name,
      login: d.login?.username ?? null,
      variables: d.variables,
      paths: d.paths,
      reasons: d.reasons,
    })),
  };
}

function customerView(customer: LoadedCustomer) {
  return {
    id: customer.id,
    name: customer.name,
    document: formatDocument(customer.document),
    documentKind: customer.document.length === 11 ? ("CPF" as const) : ("CNPJ" as const),
    active: customer.active,
    email: customer.email,
    address: {
      street: customer.street, number: customer.number, neighborhood: customer.neighborhood,
      city: customer.city, state: customer.state, zip: customer.zip,
    },
    lat: customer.lat,
    lng: customer.lng,
    phones: customer.phones.map((p) => ({ phone: formatPhone(p.phone), label: p.label })),
    branch: customer.branch,
  };
}

function shapeContract(customer: LoadedCustomer, { contract, login, hits, result }: ContractDiagnosis, now: Date) {
  const subject = {
    customer: { id: customer.id, name: customer.name, document: customer.document, branch: customer.branch },
    contract: contract ? { id: contract.id, plan: contract.plan } : null,
    login,
    variables: result.variables,
  };
  const maintenanceOrders = hits.map((h) => ({
    id: h.orderId,
    number: h.number,
    subject: h.subjectName,
    description: h.description,
    expectedEndAt: h.expectedEndAt,
    executedAt: h.executedAt,
    lastUpdate: h.lastUpdate,
    message: renderCustomerMessage(h.maintenanceMessage?.trim() ? h.maintenanceMessage : DEFAULT_MAINTENANCE_MESSAGE, subject, {
      number: h.number,
      expectedEndAt: h.expectedEndAt,
      subjectName: h.subjectName,
      lastUpdate: h.lastUpdate,
    }),
  }));
  const maintenance =
    maintenanceOrders.length === 0
      ? null
      : {
          /** The rendered return message(s) to send the customer, one per order, separated by a blank line. */
          message: maintenanceOrders.map((o) => o.message).join("\n\n"),
          orders: maintenanceOrders,
        };
  const routeTo =
    result.variables.diagnosticoAcessoFranquiatindgida === "Sim"
      ? { central: customer.branch.central, phone: customer.branch.centralPhone, branch: customer.branch.name }
      : null;
  const active = contract ? findActiveTrustUnlock(contract.trustUnlocks, now) : null;
  const open = contract?.invoices[0] ?? null;
  const last = contract?.trustUnlocks[0];
  return {
    ...result,
    contract: contract
      ? {
          id: contract.id,
          status: CONTRACT_STATUS_VALUES[contract.status],
          accessStatus: ACCESS_STATUS_VALUES[contract.accessStatus],
          reducedSpeed: contract.reducedSpeed,
          trustUnlockEligible: contract.trustUnlockEligible,
          activatedAt: contract.activatedAt,
          plan: { ...contract.plan, technology: TECHNOLOGY_VALUES[contract.plan.technology] },
          activeTrustUnlock: active ? { id: active.id, performedAt: active.performedAt, expiresAt: active.expiresAt } : null,
          lastTrustUnlock: last ? { performedAt: last.performedAt, expiresAt: last.expiresAt, channel: last.channel } : null,
          openInvoices: contract.invoices.length,
          openInvoice: open
            ? {
                id: open.id, dueDate: toCalendarDate(open.dueDate), amountCents: open.amountCents, overdue: isInvoiceOverdue(open, now),
                digitableLine: open.digitableLine, paymentUrl: open.paymentUrl,
              }
            : null,
        }
      : null,
    login: login && contract ? loginView(login, contract.plan.allowanceGb, customer) : null,
    logins: contract ? contract.logins.map((l) => loginView(l, contract.plan.allowanceGb, customer)) : [],
    maintenance,
    routeTo,
  };
}

function loginView(login: LoadedLogin, allowanceGb: number | null, customer: { lat: number | null; lng: number | null }) {
  const allowanceMb = allowanceGb === null ? null : allowanceGb * MB_PER_GB;
  return {
    id: login.id,
    username: login.username,
    status: LOGIN_STATUS_VALUES[login.status],
    online: login.online,
    lastSeenAt: login.lastSeenAt,
    technology: TECHNOLOGY_VALUES[login.technology],
    dataUsedMb: login.dataUsedMb,
    allowanceMb,
    /** Share of the allowance used, 0–100+ (null for an unlimited plan). */
    allowanceUsedPercent: allowanceMb === null ? null : Math.round((login.dataUsedMb / allowanceMb) * 1000) / 10,
    cycleStart: login.cycleStart,
    lat: login.lat ?? customer.lat,
    lng: login.lng ?? customer.lng,
    locationSource: login.lat !== null && login.lng !== null ? ("login" as const) : ("cliente" as const),
  };
}

export type DiagnosticsAnswer = ReturnType<typeof shapeDiagnosticsResponse>;
export type LoginView = ReturnType<typeof loginView>;
