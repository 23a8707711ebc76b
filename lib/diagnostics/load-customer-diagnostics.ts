// The I/O side of the diagnostics: loads one customer with everything the eleven variables need, in a
// bounded number of queries whatever the number of contracts and logins —
//   1 statement for the settings, the geo version stamps and the whole customer (branch, phones, contracts
//   with plan, logins, unpaid invoices and trust unlocks) + 1 maintenance query per distinct installation
//   point that falls in an executing region (none usually: the region index is in memory);
// then applies the lazy expiry of trust unlocks (restoreExpiredTrustUnlock, only when one is due) and
// computes every contract's variables with the pure computeDiagnostics.
//
// Default contract: chooseDefaultContract (an Ativo contract first, then the most recent). A lookup by login
// diagnoses that login's contract; `contractId` chooses explicitly.
// Login of a contract: the one the lookup named, else an Ativo one first, then online, then the most
// recently seen, then the lowest id.
import { getBackend, type AccessStatus, type ContractStatus, type LoginStatus, type Technology } from "../db";
import { badRequest, notFound } from "../errors";
import { epochMs } from "../db/sql";
import { parseSettings, SETTINGS_KEY } from "../settings/get-settings";
import { LOGINS_VERSION_ID, REGIONS_VERSION_ID, type GeoVersions } from "../maintenance/geo-version";
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
import { toCalendarDate } from "../format/date-time";
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

// The whole customer in ONE statement (json_build_object / json_agg subqueries), with the settings row
// and the geo version stamps in the same round trip: Prisma's nested findUnique issued one query per
// relation level (8) plus one for the settings and one for the stamps, and on a 2-core machine that
// per-query cost (compile, pool, network, parse) was most of the route's time. Works on PGlite and
// PostgreSQL alike (plain SQL through getBackend().query). Orders and limits are those of the former
// Prisma select: phones, contracts and logins by id; unpaid invoices by due date then id (at most
// MAX_UNPAID_INVOICES); trust unlocks latest first (at most MAX_TRUST_UNLOCKS).
// Timestamps travel as epoch milliseconds (DateTime columns are timestamp(3) holding UTC, so the nominal
// epoch of the column is the UTC instant), the invoice's date column as its UTC midnight, like Prisma.
const CUSTOMER_JSON = `json_build_object(
    'id', c.id, 'name', c.name, 'document', c.document, 'email', c.email, 'street', c.street, 'number', c.number,
    'neighborhood', c.neighborhood, 'city', c.city, 'state', c.state, 'zip', c.zip, 'lat', c.lat, 'lng', c.lng,
    'active', c.active,
    'branch', (SELECT json_build_object('id', b.id, 'name', b.name, 'central', b.central, 'centralPhone', b."centralPhone")
               FROM "Branch" b WHERE b.id = c."branchId"),
    'phones', COALESCE((SELECT json_agg(json_build_object('phone', p.phone, 'label', p.label) ORDER BY p.id)
               FROM "CustomerPhone" p WHERE p."customerId" = c.id), '[]'::json),
    'contracts', COALESCE((SELECT json_agg(json_build_object(
        'id', k.id, 'status', k.status, 'accessStatus', k."accessStatus", 'reducedSpeed', k."reducedSpeed",
        'trustUnlockEligible', k."trustUnlockEligible", 'activatedAt', ${epochMs('k."activatedAt"')}, 'createdAt', ${epochMs('k."createdAt"')},
        'plan', (SELECT json_build_object('id', pl.id, 'name', pl.name, 'downloadMbps', pl."downloadMbps",
                   'uploadMbps', pl."uploadMbps", 'priceCents', pl."priceCents", 'allowanceGb', pl."allowanceGb",
                   'technology', pl.technology)
                 FROM "Plan" pl WHERE pl.id = k."planId"),
        'logins', COALESCE((SELECT json_agg(json_build_object(
                   'id', l.id, 'username', l.username, 'status', l.status, 'online', l.online,
                   'lastSeenAt', ${epochMs('l."lastSeenAt"')}, 'technology', l.technology, 'dataUsedMb', l."dataUsedMb",
                   'cycleStart', ${epochMs('l."cycleStart"')}, 'lat', l.lat, 'lng', l.lng) ORDER BY l.id)
                 FROM "Login" l WHERE l."contractId" = k.id), '[]'::json),
        'invoices', COALESCE((SELECT json_agg(json_build_object(
                   'id', i.id, 'dueDate', ${epochMs('i."dueDate"')}, 'amountCents', i."amountCents", 'paidAt', ${epochMs('i."paidAt"')},
                   'digitableLine', i."digitableLine", 'paymentUrl', i."paymentUrl") ORDER BY i."dueDate", i.id)
                 FROM (SELECT * FROM "Invoice" WHERE "contractId" = k.id AND "paidAt" IS NULL
                       ORDER BY "dueDate", id LIMIT ${MAX_UNPAID_INVOICES}) i), '[]'::json),
        'trustUnlocks', COALESCE((SELECT json_agg(json_build_object(
                   'id', t.id, 'performedAt', ${epochMs('t."performedAt"')}, 'expiresAt', ${epochMs('t."expiresAt"')},
                   'previousAccessStatus', t."previousAccessStatus", 'channel', t.channel) ORDER BY t."performedAt" DESC, t.id DESC)
                 FROM (SELECT * FROM "TrustUnlock" WHERE "contractId" = k.id
                       ORDER BY "performedAt" DESC, id DESC LIMIT ${MAX_TRUST_UNLOCKS}) t), '[]'::json)
      ) ORDER BY k.id) FROM "Contract" k WHERE k."customerId" = c.id), '[]'::json)
  )`;
// Whitespace collapsed: the statement is sent (and parsed) on every call.
const LOAD_SQL = (by: "id" | "document") => `SELECT
  (SELECT s.value FROM "Setting" s WHERE s.key = $2) AS settings,
  (SELECT json_agg(json_build_array(g.id, g.version::text)) FROM "GeoVersion" g) AS geo,
  (SELECT ${CUSTOMER_JSON} FROM "Customer" c WHERE c.${by === "id" ? "id = $1::int" : "document = $1::text"}) AS customer`.replace(/\s+/g, " ");
const LOAD_BY_ID_SQL = LOAD_SQL("id");
const LOAD_BY_DOCUMENT_SQL = LOAD_SQL("document");

interface LoadedLogin {
  id: number; username: string; status: LoginStatus; online: boolean; lastSeenAt: Date | null; technology: Technology;
  dataUsedMb: number; cycleStart: Date | null; lat: number | null; lng: number | null;
}
interface LoadedInvoice {
  id: number; dueDate: Date; amountCents: number; paidAt: Date | null; digitableLine: string | null; paymentUrl: string | null;
}
interface LoadedTrustUnlock {
  id: number; performedAt: Date; expiresAt: Date; previousAccessStatus: AccessStatus; channel: string;
}
interface LoadedContract {
  id: number; status: ContractStatus; accessStatus: AccessStatus; reducedSpeed: boolean; trustUnlockEligible: boolean;
  activatedAt: Date | null; createdAt: Date;
  plan: { id: number; name: string; downloadMbps: number; uploadMbps: number; priceCents: number; allowanceGb: number | null; technology: Technology };
  logins: LoadedLogin[];
  invoices: LoadedInvoice[];
  trustUnlocks: LoadedTrustUnlock[];
}
interface LoadedCustomer {
  id: number; name: string; document: string; email: string | null; street: string | null; number: string | null;
  neighborhood: string | null; city: string; state: string; zip: string | null; lat: number | null; lng: number | null;
  active: boolean;
  branch: { id: number; name: string; central: string; centralPhone: string | null };
  phones: { phone: string; label: string | null }[];
  contracts: LoadedContract[];
}

type Raw = Record<string, unknown>;
const date = (v: unknown): Date => new Date(v as number);
const dateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(v as number));
const json = <T>(v: unknown): T => (typeof v === "string" ? (JSON.parse(v) as T) : (v as T));

function toContract(k: Raw): LoadedContract {
  return {
    ...(k as unknown as LoadedContract),
    activatedAt: dateOrNull(k.activatedAt),
    createdAt: date(k.createdAt),
    logins: (k.logins as Raw[]).map((l) => ({
      ...(l as unknown as LoadedLogin),
      lastSeenAt: dateOrNull(l.lastSeenAt),
      cycleStart: dateOrNull(l.cycleStart),
    })),
    invoices: (k.invoices as Raw[]).map((i) => ({ ...(i as unknown as LoadedInvoice), dueDate: date(i.dueDate), paidAt: dateOrNull(i.paidAt) })),
    trustUnlocks: (k.trustUnlocks as Raw[]).map((t) => ({
      ...(t as unknown as LoadedTrustUnlock),
      performedAt: date(t.performedAt),
      expiresAt: date(t.expiresAt),
    })),
  };
}

/** The settings, the geo version stamps and the customer (null when none matches), in one round trip. */
async function loadCustomer(where: { id: number } | { document: string }) {
  const backend = getBackend();
  const byId = "id" in where;
  // A named prepared statement: planning it costs about as much as running it.
  const [row] = await backend.query<{ settings: unknown; geo: unknown; customer: unknown }>(
    byId ? LOAD_BY_ID_SQL : LOAD_BY_DOCUMENT_SQL,
    [byId ? where.id : where.document, SETTINGS_KEY],
    { prepared: byId ? "raio_diagnostics_by_id" : "raio_diagnostics_by_document" },
  );
  const geo = json<[number, string][] | null>(row!.geo) ?? [];
  const versions: GeoVersions = {
    regions: BigInt(geo.find(([id]) => id === REGIONS_VERSION_ID)?.[1] ?? 0),
    logins: BigInt(geo.find(([id]) => id === LOGINS_VERSION_ID)?.[1] ?? 0),
  };
  const raw = json<Raw | null>(row!.customer);
  const customer: LoadedCustomer | null = raw
    ? { ...(raw as unknown as LoadedCustomer), contracts: (raw.contracts as Raw[]).map(toContract) }
    : null;
  return { settings: parseSettings(json<unknown>(row!.settings)), versions, customer };
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
  const { settings, versions, customer } = await loadCustomer(where);
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
  // The regions' index checks its version stamp: the one read with the customer above (same round trip).
  const hitsByPoint = new Map<string, ExecutingOrderHit[]>(
    await Promise.all([...points].map(async ([key, [lng, lat]]) => [key, await findExecutingOrdersAt(lng, lat, versions)] as const)),
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
