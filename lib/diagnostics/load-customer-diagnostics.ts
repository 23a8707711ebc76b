// The I/O side of the diagnostics: loads one customer with everything the eleven variables need, in a
// bounded number of queries whatever the number of contracts and logins —
//   1 settings + 1 customer (Prisma runs one query per nested relation level: contracts, plans, logins,
//   invoices, trust unlocks, phones, branch — never one per row) + 1 maintenance query per distinct
//   installation point (usually 1: logins without their own location use the customer's);
// then applies the lazy expiry of trust unlocks (restoreExpiredTrustUnlock, only when one is due) and
// computes every contract's variables with the pure computeDiagnostics.
//
// Default contract: chooseDefaultContract (an Ativo contract first, then the most recent). A lookup by login
// diagnoses that login's contract; `contractId` chooses explicitly.
// Login of a contract: the one the lookup named, else an Ativo one first, then online, then the most
// recently seen, then the lowest id.
import { db, type Prisma } from "../db";
import { badRequest, notFound } from "../errors";
import { getSettings } from "../settings/get-settings";
import { findExecutingOrdersAt, type ExecutingOrderHit } from "../maintenance/find-executing-orders-at";
import { findExpiredUnpaidTrustUnlock } from "../actions/find-expired-unpaid-trust-unlock";
import { restoreExpiredTrustUnlock } from "../actions/restore-expired-trust-unlock";
import { buildTemplateValues } from "../customers/build-template-values";
import { formatDocument } from "../validation/document";
import { formatPhone } from "../validation/phone";
import { chooseDefaultContract } from "./choose-default-contract";
import { computeDiagnostics } from "./compute-diagnostics";
import { findActiveTrustUnlock } from "./find-active-trust-unlock";
import { isInvoiceOverdue } from "./is-invoice-overdue";
import { renderTemplate } from "./render-template";
import { toCalendarDate } from "./sao-paulo-time";
import { MB_PER_GB } from "./diagnose-acesso-franquiatindgida";
import {
  ACCESS_STATUS_VALUES,
  CONTRACT_STATUS_VALUES,
  LOGIN_STATUS_VALUES,
  TECHNOLOGY_VALUES,
  type DiagnosticsResult,
  type DiagnosticsSettings,
  type TechnologyValue,
} from "./types";

/** Unpaid invoices loaded per contract (oldest first): enough for any restriction and the open invoice. */
const MAX_UNPAID_INVOICES = 24;
/** Trust unlocks loaded per contract (latest first): the one in effect, the last one and a short history. */
const MAX_TRUST_UNLOCKS = 5;
/** Shown when the maintenance subject has no return message configured. */
export const DEFAULT_MAINTENANCE_MESSAGE =
  "Olá, {{primeiroNome}}! Estamos realizando uma manutenção na rede da sua região (OS {{os}}). Previsão de normalização: {{previsao}}.";

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

const customerSelect = {
  id: true, name: true, document: true, email: true, street: true, number: true, neighborhood: true,
  city: true, state: true, zip: true, lat: true, lng: true, active: true,
  branch: { select: { id: true, name: true, central: true, centralPhone: true } },
  phones: { select: { phone: true, label: true }, orderBy: { id: "asc" } },
  contracts: {
    orderBy: { id: "asc" },
    select: {
      id: true, status: true, accessStatus: true, reducedSpeed: true, trustUnlockEligible: true,
      activatedAt: true, createdAt: true,
      plan: { select: { id: true, name: true, downloadMbps: true, uploadMbps: true, priceCents: true, allowanceGb: true, technology: true } },
      logins: {
        orderBy: { id: "asc" },
        select: {
          id: true, username: true, status: true, online: true, lastSeenAt: true, technology: true,
          dataUsedMb: true, cycleStart: true, lat: true, lng: true,
        },
      },
      invoices: {
        where: { paidAt: null },
        orderBy: [{ dueDate: "asc" }, { id: "asc" }],
        take: MAX_UNPAID_INVOICES,
        select: { id: true, dueDate: true, amountCents: true, paidAt: true, digitableLine: true, paymentUrl: true },
      },
      trustUnlocks: {
        orderBy: [{ performedAt: "desc" }, { id: "desc" }],
        take: MAX_TRUST_UNLOCKS,
        select: { id: true, performedAt: true, expiresAt: true, previousAccessStatus: true, channel: true },
      },
    },
  },
} satisfies Prisma.CustomerSelect;

type LoadedCustomer = NonNullable<Awaited<ReturnType<typeof loadCustomer>>>;
type LoadedContract = LoadedCustomer["contracts"][number];
type LoadedLogin = LoadedContract["logins"][number];

function loadCustomer(where: { id: number } | { document: string }) {
  return db.customer.findUnique({ where, select: customerSelect });
}

function chooseLogin(logins: readonly LoadedLogin[], preferredId: number | null | undefined): LoadedLogin | null {
  let best: LoadedLogin | null = null;
  const rank = (l: LoadedLogin) => [l.status === "ATIVO" ? 1 : 0, l.online ? 1 : 0, l.lastSeenAt?.getTime() ?? 0, -l.id];
  for (const login of logins) {
    if (login.id === preferredId) return login;
    if (best === null) {
      best = login;
      continue;
    }
    const a = rank(login);
    const b = rank(best);
    for (let i = 0; i < a.length; i++) {
      if (a[i]! !== b[i]!) {
        if (a[i]! > b[i]!) best = login;
        break;
      }
    }
  }
  return best;
}

export interface MaintenanceOrderView {
  id: number;
  number: number;
  subject: string;
  description: string;
  expectedEndAt: Date | null;
  executedAt: Date | null;
  message: string;
}

export interface MaintenanceView {
  /** The rendered return message(s) to send the customer, one per order, separated by a blank line. */
  message: string;
  orders: MaintenanceOrderView[];
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

export type LoginView = ReturnType<typeof loginView>;

export async function loadCustomerDiagnostics(target: DiagnosticsTarget, now: Date = new Date()) {
  const where =
    target.customerId !== undefined ? { id: target.customerId } : target.document !== undefined ? { document: target.document } : null;
  if (where === null) throw badRequest("Informe o cliente: cpf, phone, login ou customerId.", "cpf");
  const [settings, customer] = await Promise.all([getSettings(), loadCustomer(where)]);
  if (!customer) throw notFound(target.notFoundMessage ?? `Cliente ${target.customerId ?? target.document} não encontrado.`);

  const loginContract =
    target.loginId != null ? customer.contracts.find((c) => c.logins.some((l) => l.id === target.loginId)) : undefined;
  let selected: LoadedContract | null;
  if (target.contractId !== undefined) {
    selected = customer.contracts.find((c) => c.id === target.contractId) ?? null;
    if (!selected) throw badRequest(`O contrato ${target.contractId} não pertence a este cliente.`, "contractId");
    if (loginContract && loginContract.id !== selected.id) {
      throw badRequest(`O login informado pertence ao contrato ${loginContract.id}, não ao ${selected.id}.`, "contractId");
    }
  } else {
    selected = loginContract ?? null;
  }
  const defaultContract = chooseDefaultContract(customer.contracts);
  selected ??= defaultContract;

  // Lazy expiry of trust unlocks (see lib/actions/find-expired-unpaid-trust-unlock.ts): rare, so the write
  // happens only when one is due; the contract is then diagnosed with its restored status.
  for (const contract of customer.contracts) {
    const due = findExpiredUnpaidTrustUnlock(contract, contract.trustUnlocks, contract.invoices, now);
    if (due && (await restoreExpiredTrustUnlock(contract.id, due))) contract.accessStatus = due.previousAccessStatus;
  }

  const diagnosticsSettings: DiagnosticsSettings = {
    trustUnlockDays: settings.trustUnlockDays,
    trustUnlockLookbackDays: settings.trustUnlockLookbackDays,
    expectedTechnology: settings.expectedTechnology,
  };
  const expectedTechnology = target.expectedTechnology ?? settings.expectedTechnology;

  // One maintenance lookup per distinct installation point.
  const chosenLogins = new Map(customer.contracts.map((c) => [c.id, chooseLogin(c.logins, target.loginId)]));
  const pointOf = (login: LoadedLogin | null): [number, number] | null => {
    if (login && login.lng !== null && login.lat !== null) return [login.lng, login.lat];
    return customer.lng !== null && customer.lat !== null ? [customer.lng, customer.lat] : null;
  };
  const points = new Map<string, [number, number]>();
  const contractPoint = new Map<number, string | null>();
  for (const contract of customer.contracts) {
    const p = pointOf(chosenLogins.get(contract.id) ?? null);
    const key = p ? `${p[0]},${p[1]}` : null;
    contractPoint.set(contract.id, key);
    if (p && key) points.set(key, p);
  }
  if (customer.contracts.length === 0 && customer.lng !== null && customer.lat !== null) {
    points.set(`${customer.lng},${customer.lat}`, [customer.lng, customer.lat]);
  }
  const hitsByPoint = new Map<string, ExecutingOrderHit[]>(
    await Promise.all([...points].map(async ([key, [lng, lat]]) => [key, await findExecutingOrdersAt(lng, lat)] as const)),
  );

  const customerView = {
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

  const diagnose = (contract: LoadedContract | null) => {
    const login = contract ? (chosenLogins.get(contract.id) ?? null) : null;
    const pointKey = contract ? contractPoint.get(contract.id) : customer.lng !== null ? `${customer.lng},${customer.lat}` : null;
    const hits = pointKey ? (hitsByPoint.get(pointKey) ?? []) : [];
    const result: DiagnosticsResult = computeDiagnostics(
      {
        customer: { active: customer.active, branch: customer.branch },
        contract: contract ? { ...contract, plan: contract.plan } : null,
        trustUnlocks: contract?.trustUnlocks ?? [],
        invoices: contract?.invoices ?? [],
        login,
        maintenanceOrders: hits.map((h) => ({ id: h.orderId, number: h.number, message: h.maintenanceMessage })),
        expectedTechnology,
      },
      now,
      diagnosticsSettings,
    );
    const subject = {
      customer: { id: customer.id, name: customer.name, document: customer.document, branch: customer.branch },
      contract: contract ? { id: contract.id, plan: contract.plan } : null,
      login,
      variables: result.variables,
    };
    const maintenanceOrders: MaintenanceOrderView[] = hits.map((h) => ({
      id: h.orderId,
      number: h.number,
      subject: h.subjectName,
      description: h.description,
      expectedEndAt: h.expectedEndAt,
      executedAt: h.executedAt,
      message: renderTemplate(
        h.maintenanceMessage?.trim() ? h.maintenanceMessage : DEFAULT_MAINTENANCE_MESSAGE,
        buildTemplateValues(subject, { number: h.number, expectedEndAt: h.expectedEndAt, subjectName: h.subjectName }),
      ),
    }));
    const maintenance: MaintenanceView | null =
      maintenanceOrders.length === 0
        ? null
        : { message: maintenanceOrders.map((o) => o.message).join("\n\n"), orders: maintenanceOrders };
    const routeTo =
      result.variables.diagnosticoAcessoFranquiatindgida === "Sim"
        ? { central: customer.branch.central, phone: customer.branch.centralPhone, branch: customer.branch.name }
        : null;
    const active = contract ? findActiveTrustUnlock(contract.trustUnlocks, now) : null;
    const open = contract?.invoices[0] ?? null;
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
            lastTrustUnlock: contract.trustUnlocks[0]
              ? { performedAt: contract.trustUnlocks[0].performedAt, expiresAt: contract.trustUnlocks[0].expiresAt, channel: contract.trustUnlocks[0].channel }
              : null,
            openInvoices: contract.invoices.length,
            openInvoice: open
              ? { id: open.id, dueDate: toCalendarDate(open.dueDate), amountCents: open.amountCents, overdue: isInvoiceOverdue(open, now) }
              : null,
          }
        : null,
      login: login && contract ? loginView(login, contract.plan.allowanceGb, customer) : null,
      logins: contract ? contract.logins.map((l) => loginView(l, contract.plan.allowanceGb, customer)) : [],
      maintenance,
      routeTo,
    };
  };

  const perContract = customer.contracts.map((c) => ({ id: c.id, diagnostics: diagnose(c) }));
  const current = selected ? perContract.find((p) => p.id === selected.id)!.diagnostics : diagnose(null);
  return {
    checkedAt: now,
    expectedTechnology,
    customer: customerView,
    contractId: selected?.id ?? null,
    defaultContractId: defaultContract?.id ?? null,
    ...current,
    contracts: perContract.map(({ id, diagnostics: d }) => ({
      id,
      isDefault: id === defaultContract?.id,
      selected: id === selected?.id,
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

export type CustomerDiagnostics = Awaited<ReturnType<typeof loadCustomerDiagnostics>>;
