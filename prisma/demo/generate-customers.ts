// Deterministic demo customers, contracts, logins and invoices, generated in batches so that a million
// customers fit in bounded memory. Every value of every diagnostic variable occurs.
import { cnpjFromIndex, cpfFromIndex } from "../../lib/validation/document";
import { BRANCHES, CITY, COMPANY_WORDS, FIRST_NAMES, LAST_NAMES, NEIGHBORHOODS, PLANS, type Neighborhood } from "./city";
import type { Prisma } from "../../lib/db";
import { seededRandom } from "../../lib/random/seeded-random";

export type Rng = () => number;

/** The seeded PRNG shared with the geometry tests (same seed → same demo data). */
export const createRng: (seed: number) => Rng = seededRandom;

const pick = <T,>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;

function weighted<T extends string>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of table) {
    r -= w;
    if (r < 0) return v;
  }
  return table[table.length - 1]![0];
}

const METERS_PER_DEG_LAT = 111_320;

/** A street: a straight segment through a point near the neighbourhood centre. */
interface Street {
  name: string;
  neighborhood: Neighborhood;
  lng: number;
  lat: number;
  dx: number; // unit direction, metres
  dy: number;
  lengthM: number;
}

export function buildStreets(rng: Rng): Street[] {
  const streets: Street[] = [];
  for (const n of NEIGHBORHOODS) {
    for (const name of n.streets) {
      const angle = rng() * Math.PI;
      streets.push({
        name,
        neighborhood: n,
        lng: n.lng + ((rng() - 0.5) * 600) / (METERS_PER_DEG_LAT * Math.cos((n.lat * Math.PI) / 180)),
        lat: n.lat + ((rng() - 0.5) * 600) / METERS_PER_DEG_LAT,
        dx: Math.cos(angle),
        dy: Math.sin(angle),
        lengthM: 900 + rng() * 900,
      });
    }
  }
  return streets;
}

// The streets of each neighbourhood, in the order of `streets` (what a filter would give), per streets list.
const streetsByHood = new WeakMap<Street[], Map<Neighborhood, Street[]>>();
function streetsOf(streets: Street[], hood: Neighborhood): Street[] {
  let byHood = streetsByHood.get(streets);
  if (!byHood) streetsByHood.set(streets, (byHood = new Map()));
  let list = byHood.get(hood);
  if (!list) byHood.set(hood, (list = streets.filter((s) => s.neighborhood === hood)));
  return list;
}

export interface GeneratedBatch {
  customers: Prisma.CustomerCreateManyInput[];
  phones: Prisma.CustomerPhoneCreateManyInput[];
  contracts: Prisma.ContractCreateManyInput[];
  logins: Prisma.LoginCreateManyInput[];
  invoices: Prisma.InvoiceCreateManyInput[];
  trustUnlocks: Prisma.TrustUnlockCreateManyInput[];
}

export interface IdCounters {
  contract: number;
  login: number;
  invoice: number;
  trustUnlock: number;
  phone: number;
}

const DAY = 86_400_000;

function slugOf(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, ".").replace(/^\.|\.$/g, "");
}

// Names repeat (a few hundred first and last names): each slug is computed once.
const slugs = new Map<string, string>();
function slug(s: string): string {
  let out = slugs.get(s);
  if (out === undefined) slugs.set(s, (out = slugOf(s)));
  return out;
}

/** 12-digit-ish fake linha digitável: 47 digits in the bank's layout (shape only). */
function digitableLine(rng: Rng, amountCents: number): string {
  const d = (n: number) => {
    let digits = "";
    for (let i = 0; i < n; i++) digits += Math.floor(rng() * 10);
    return digits;
  };
  const amount = String(amountCents).padStart(10, "0");
  return `34191.${d(5)} ${d(5)}.${d(6)} ${d(5)}.${d(6)} ${d(1)} ${d(4)}${amount}`;
}

/** Customers generated between two pauses of generateBatchInSteps (a few milliseconds of work). */
const CUSTOMERS_PER_STEP = 50;

/**
 * Generates customers [fromId, toId) with their contracts, logins, invoices and trust unlocks.
 * `now` anchors every date (demo data looks current on the day it is seeded). Pauses (`yield`) every few
 * customers so that the caller can let the event loop run meanwhile (the previous batch's inserts travel to
 * the database while this one is generated); the batch is the generator's return value.
 */
export function* generateBatchInSteps(
  rng: Rng,
  streets: Street[],
  branchIds: Record<keyof typeof BRANCHES, number>,
  planIds: number[],
  fromId: number,
  toId: number,
  ids: IdCounters,
  now: Date,
): Generator<void, GeneratedBatch, void> {
  const out: GeneratedBatch = { customers: [], phones: [], contracts: [], logins: [], invoices: [], trustUnlocks: [] };
  const totalWeight = NEIGHBORHOODS.reduce((s, n) => s + n.weight, 0);
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  let lastMobile: string | null = null;

  for (let id = fromId; id < toId; id++) {
    // Neighbourhood by weight, then a street of it.
    let r = rng() * totalWeight;
    let hood = NEIGHBORHOODS[0]!;
    for (const n of NEIGHBORHOODS) {
      r -= n.weight;
      if (r < 0) {
        hood = n;
        break;
      }
    }
    const hoodStreets = streetsOf(streets, hood);
    const street = pick(rng, hoodStreets);
    const t = rng() - 0.5;
    const along = t * street.lengthM;
    const across = (rng() - 0.5) * 30; // houses on both sides, within 15 m of the axis
    const mx = street.dx * along - street.dy * across;
    const my = street.dy * along + street.dx * across;
    const lat = street.lat + my / METERS_PER_DEG_LAT;
    const lng = street.lng + mx / (METERS_PER_DEG_LAT * Math.cos((street.lat * Math.PI) / 180));
    const houseNumber = Math.max(1, Math.round((t + 0.5) * 2400) + (across > 0 ? 1 : 0));

    const company = rng() < 0.08;
    // Unique by construction (a bijection of the id): no set of issued documents to keep in memory.
    const document = company ? cnpjFromIndex(id) : (cpfFromIndex(id) ?? cnpjFromIndex(id));
    const first = pick(rng, FIRST_NAMES);
    const last1 = pick(rng, LAST_NAMES);
    const last2 = pick(rng, LAST_NAMES);
    const name = company ? `${pick(rng, COMPANY_WORDS)} ${last1} ${last2} Ltda` : `${first} ${last1} ${last2}`;
    const active = rng() > 0.03;
    out.customers.push({
      id,
      externalId: `C${id}`,
      name,
      document,
      email: `${slug(company ? `${last1}${last2}` : `${first}.${last1}`)}${id}@exemplo.com.br`,
      street: street.name,
      number: String(houseNumber),
      neighborhood: hood.name,
      city: CITY.name,
      state: CITY.state,
      zip: `${hood.zip}-${String(Math.floor(rng() * 1000)).padStart(3, "0")}`,
      branchId: branchIds[hood.branch],
      lat,
      lng,
      active,
      createdAt: new Date(now.getTime() - Math.floor(rng() * 1500) * DAY),
    });

    // Phones: a mobile (2% share the previous customer's: a family), sometimes a landline.
    const mobile: string = lastMobile && rng() < 0.02 ? lastMobile : `55${CITY.ddd}9${String(Math.floor(rng() * 1e8)).padStart(8, "0")}`;
    lastMobile = mobile;
    out.phones.push({ id: ids.phone++, customerId: id, phone: mobile, label: "celular" });
    if (rng() < 0.25) {
      out.phones.push({ id: ids.phone++, customerId: id, phone: `55${CITY.ddd}3${String(Math.floor(rng() * 1e7)).padStart(7, "0")}`, label: "fixo" });
    }

    const contractCount = rng() < 0.05 ? 2 : 1;
    for (let c = 0; c < contractCount; c++) {
      const contractId = ids.contract++;
      const planIndex = Math.floor(rng() * planIds.length);
      const plan = PLANS[planIndex]!;
      const status = active
        ? weighted(rng, [["ATIVO", 88], ["INATIVO", 3], ["PRE_CONTRATO", 3], ["NEGATIVADO", 3], ["DESISTIU", 3]] as const)
        : weighted(rng, [["INATIVO", 60], ["DESISTIU", 40]] as const);
      let accessStatus: Prisma.ContractCreateManyInput["accessStatus"];
      if (status === "INATIVO" || status === "DESISTIU") accessStatus = "DESATIVADO";
      else if (status === "PRE_CONTRATO") accessStatus = "AGUARDANDO_ASSINATURA";
      else if (status === "NEGATIVADO") accessStatus = "BLOQUEADO";
      else accessStatus = weighted(rng, [["ATIVO", 86], ["BLOQUEADO", 6], ["FINANCEIRO_EM_ATRASO", 8]] as const);
      const activatedAt = new Date(now.getTime() - (60 + Math.floor(rng() * 1400)) * DAY);
      const reducedSpeed = status === "ATIVO" && accessStatus === "ATIVO" && rng() < 0.05;
      out.contracts.push({
        id: contractId,
        externalId: `CT${contractId}`,
        customerId: id,
        planId: planIds[planIndex]!,
        status,
        accessStatus,
        reducedSpeed,
        trustUnlockEligible: rng() > 0.02,
        activatedAt: status === "PRE_CONTRATO" ? null : activatedAt,
        createdAt: activatedAt,
      });

      // Invoices: the last three months paid, this month open; blocked contracts owe one or two.
      const blocked = accessStatus === "BLOQUEADO" || accessStatus === "FINANCEIRO_EM_ATRASO";
      const dueDay = 5 + Math.floor(rng() * 4) * 5; // 5, 10, 15, 20
      const overdueCount = blocked ? 1 + Math.floor(rng() * 2) : rng() < 0.04 ? 1 : 0;
      if (status !== "PRE_CONTRATO") {
        // Four monthly invoices around today: past ones are paid except the newest `overdueCount`.
        const dues = [-2, -1, 0, 1].map((k) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + k, dueDay)));
        const past = dues.filter((d) => d.getTime() < today.getTime());
        for (const due of dues) {
          const pastIndex = past.indexOf(due);
          const paid = pastIndex >= 0 && pastIndex < past.length - overdueCount;
          // Only the next open invoice is issued ahead of time: one future invoice at most.
          if (pastIndex < 0 && due !== dues.find((d) => d.getTime() >= today.getTime())) continue;
          out.invoices.push({
            id: ids.invoice,
            externalId: `F${ids.invoice}`,
            contractId,
            dueDate: due,
            amountCents: plan.priceCents,
            paidAt: paid ? new Date(due.getTime() - Math.floor(rng() * 5) * DAY) : null,
            digitableLine: digitableLine(rng, plan.priceCents),
            paymentUrl: `https://boleto.exemplo.com.br/${contractId}/${ids.invoice}`,
            createdAt: new Date(due.getTime() - 20 * DAY),
          });
          ids.invoice++;
        }
      }

      // Trust unlocks: some blocked contracts used one recently (so they are restricted now); some
      // contracts are released right now by one still in effect.
      if (blocked && rng() < 0.3) {
        const performedAt = new Date(now.getTime() - (5 + Math.floor(rng() * 20)) * DAY);
        out.trustUnlocks.push({ id: ids.trustUnlock++, contractId, performedAt, expiresAt: new Date(performedAt.getTime() + 3 * DAY), previousAccessStatus: accessStatus, channel: "chatbot" });
      } else if (status === "ATIVO" && accessStatus === "ATIVO" && rng() < 0.03) {
        const performedAt = new Date(now.getTime() - Math.floor(rng() * 48) * 3_600_000);
        out.trustUnlocks.push({ id: ids.trustUnlock++, contractId, performedAt, expiresAt: new Date(performedAt.getTime() + 3 * DAY), previousAccessStatus: "FINANCEIRO_EM_ATRASO", channel: "chatbot" });
      }

      // The login (PPPoE): online unless the contract is cut; allowance used up for some capped plans.
      const loginId = ids.login++;
      const loginStatus =
        accessStatus === "DESATIVADO" || accessStatus === "AGUARDANDO_ASSINATURA" ? "INATIVO" : rng() < 0.015 ? "SEM_STATUS" : "ATIVO";
      const online = loginStatus === "ATIVO" && accessStatus === "ATIVO" && rng() < 0.9;
      const lastSeenAt = online ? new Date(now.getTime() - Math.floor(rng() * 300) * 1000) : new Date(now.getTime() - Math.floor(rng() * 72 * 60) * 60_000);
      const allowanceMb = plan.allowanceGb === null ? null : plan.allowanceGb * 1024;
      const dataUsedMb = allowanceMb === null ? Math.floor(rng() * 900_000) : rng() < 0.12 ? allowanceMb + Math.floor(rng() * 20_000) : Math.floor(rng() * allowanceMb * 0.95);
      const moved = rng() < 0.1; // the installation point is stored on the login for some
      out.logins.push({
        id: loginId,
        externalId: `L${loginId}`,
        contractId,
        username: `${slug(company ? last1 : `${first}.${last1}`)}${loginId}`,
        status: loginStatus,
        online,
        lastSeenAt,
        statusChangedAt: online ? new Date(now.getTime() - Math.floor(rng() * 30) * DAY) : lastSeenAt,
        technology: plan.technology,
        dataUsedMb,
        cycleStart: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)),
        lat: moved ? lat + (rng() - 0.5) * 0.0002 : null,
        lng: moved ? lng + (rng() - 0.5) * 0.0002 : null,
      });
    }
    if ((id - fromId) % CUSTOMERS_PER_STEP === CUSTOMERS_PER_STEP - 1) yield;
  }
  return out;
}
