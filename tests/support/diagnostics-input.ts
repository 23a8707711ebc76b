// Builders for diagnostics tests: one healthy customer, overridden per case.
import type {
  DiagnosticsContract,
  DiagnosticsInput,
  DiagnosticsInvoice,
  DiagnosticsLogin,
  DiagnosticsTrustUnlock,
} from "../../lib/diagnostics/types";

/** 2026-11-23 12:00 in São Paulo (UTC−3). */
export const NOW = new Date("2026-11-23T15:00:00Z");
export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const ago = (ms: number): Date => new Date(NOW.getTime() - ms);
export const later = (ms: number): Date => new Date(NOW.getTime() + ms);
/** A date-only value as Prisma returns @db.Date: midnight UTC. */
export const date = (ymd: string): Date => new Date(`${ymd}T00:00:00Z`);

export function makeContract(overrides: Partial<DiagnosticsContract> = {}): DiagnosticsContract {
  return {
    status: "ATIVO",
    accessStatus: "ATIVO",
    reducedSpeed: false,
    trustUnlockEligible: true,
    plan: { allowanceGb: null, technology: "FIBRA" },
    ...overrides,
  };
}

export function makeLogin(overrides: Partial<DiagnosticsLogin> = {}): DiagnosticsLogin {
  return { status: "ATIVO", online: true, lastSeenAt: NOW, technology: "FIBRA", dataUsedMb: 0, ...overrides };
}

export function makeInvoice(overrides: Partial<DiagnosticsInvoice> = {}): DiagnosticsInvoice {
  return { dueDate: date("2026-11-10"), amountCents: 9990, paidAt: null, ...overrides };
}

export function makeUnlock(performedAt: Date, days = 3): DiagnosticsTrustUnlock {
  return { performedAt, expiresAt: new Date(performedAt.getTime() + days * DAY) };
}

export function makeInput(overrides: Partial<DiagnosticsInput> = {}): DiagnosticsInput {
  return {
    customer: { active: true, branch: { central: "Central Campinas", centralPhone: "(19) 3232-1234" } },
    contract: makeContract(),
    trustUnlocks: [],
    invoices: [],
    login: makeLogin(),
    maintenanceOrders: [],
    ...overrides,
  };
}

/** Freezes a value and everything reachable from it (Dates included), to prove inputs are not mutated. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
