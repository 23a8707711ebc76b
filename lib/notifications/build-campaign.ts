// The outbound campaign of an executing order: every customer with a login inside the region, their
// phones (formatted) and the subject's maintenance message rendered for them with the same template
// values as the contacts API (renderCustomerMessage). One row per customer: one message per person, even
// with several logins in the region.
// The eleven diagnostic variables are computed per customer only when the message uses one of them
// (it costs a few queries per customer); otherwise the message cannot reference them and they are omitted.
// A city-wide outage holds tens of thousands of customers: the screen asks for one page (customers by name),
// and only that page's logins, phones and messages are loaded and rendered; the counts cover everyone. The
// CSV (the list a sender needs) still has every customer.
import { db, getBackend } from "../db";
import { conflict, notFound } from "../errors";
import type { AreaGeometry } from "../geo/types";
import { findLoginIdsInRegion } from "../maintenance/login-points";
import { loadCustomerDiagnostics } from "../customer-diagnostics/load-customer-diagnostics";
import { renderCustomerMessage } from "../templates/render-customer-message";
import type { DiagnosticsResult } from "../diagnostics/types";
import { statusLabel } from "../orders/order-life-cycle";
import { formatPhone } from "../validation/phone";

/** Customers per page on the campaign screen (a page of rendered messages stays around 100 KB of HTML). */
export const CAMPAIGN_PAGE_SIZE = 100;
/** Customers whose diagnostics are loaded at once when the message needs them. */
const DIAGNOSTICS_CONCURRENCY = 8;
const USES_DIAGNOSTIC_VARIABLE = /\{\{\s*diagnostico/u;

interface LoginRow {
  loginId: number;
  username: string;
  contractId: number;
  planName: string;
  customerId: number;
  customerName: string;
  document: string;
  neighborhood: string | null;
  central: string;
  centralPhone: string | null;
}

export interface CampaignRow {
  customerId: number;
  customerName: string;
  neighborhood: string | null;
  logins: string[];
  phones: { phone: string; formatted: string; label: string | null }[];
  message: string;
}

/** `page` (from 1): only that page's customers get rows; without it, every customer (CSV, API). */
export async function buildCampaign(orderId: number, opts: { page?: number; pageSize?: number } = {}) {
  const order = await db.serviceOrder.findUnique({
    where: { id: orderId },
    select: {
      id: true, number: true, status: true, description: true, expectedEndAt: true, executedAt: true,
      subject: { select: { name: true, maintenanceMessage: true } },
      region: { select: { geometry: true } },
    },
  });
  if (!order) throw notFound(`Ordem de serviço ${orderId} não encontrada.`);
  if (order.status !== "EM_EXECUCAO") {
    throw conflict(`A OS ${order.number} está ${statusLabel(order.status)}: a campanha é para OS Em Execução.`, { currentStatus: order.status });
  }
  const template = order.subject.maintenanceMessage ?? "";
  const loginIds = order.region ? await findLoginIdsInRegion(order.region.geometry as unknown as AreaGeometry) : [];
  const backend = getBackend();
  // Every affected customer once, by name, and whether they have a phone: the counts and the pages.
  const everyone = await backend.query<{ customerId: number; hasPhone: boolean }>(
    `SELECT c.id AS "customerId", EXISTS (SELECT 1 FROM "CustomerPhone" p WHERE p."customerId" = c.id) AS "hasPhone"
       FROM "Customer" c
      WHERE c.id IN (SELECT k."customerId" FROM "Login" l JOIN "Contract" k ON k.id = l."contractId" WHERE l.id = ANY($1::int[]))
      ORDER BY c.name, c.id`,
    [loginIds],
  );
  const pageSize = opts.pageSize ?? CAMPAIGN_PAGE_SIZE;
  const page = opts.page ?? 1;
  const shown = opts.page === undefined ? everyone : everyone.slice((page - 1) * pageSize, page * pageSize);
  const logins = shown.length === 0 ? [] : await backend.query<LoginRow>(
    `SELECT l.id AS "loginId", l.username, k.id AS "contractId", p.name AS "planName", c.id AS "customerId",
            c.name AS "customerName", c.document, c.neighborhood, b.central, b."centralPhone"
       FROM "Login" l
       JOIN "Contract" k ON k.id = l."contractId"
       JOIN "Plan" p ON p.id = k."planId"
       JOIN "Customer" c ON c.id = k."customerId"
       JOIN "Branch" b ON b.id = c."branchId"
      WHERE l.id = ANY($1::int[]) AND c.id = ANY($2::int[])
      ORDER BY c.name, c.id, l.id`,
    [loginIds, shown.map((c) => c.customerId)],
  );
  const phones = await backend.query<{ customerId: number; phone: string; label: string | null }>(
    `SELECT "customerId", phone, label FROM "CustomerPhone" WHERE "customerId" = ANY($1::int[]) ORDER BY id`,
    [shown.map((c) => c.customerId)],
  );
  const phonesOf = new Map<number, CampaignRow["phones"]>();
  for (const p of phones) {
    const list = phonesOf.get(p.customerId) ?? [];
    list.push({ phone: p.phone, formatted: formatPhone(p.phone), label: p.label });
    phonesOf.set(p.customerId, list);
  }
  const byCustomer = new Map<number, LoginRow[]>();
  for (const l of logins) byCustomer.set(l.customerId, [...(byCustomer.get(l.customerId) ?? []), l]);

  const templateOrder = { number: order.number, expectedEndAt: order.expectedEndAt, subjectName: order.subject.name };
  const needsDiagnostics = USES_DIAGNOSTIC_VARIABLE.test(template);
  const groups = [...byCustomer.values()];
  const rows: CampaignRow[] = new Array(groups.length);
  const render = async (i: number) => {
    const [first, ...rest] = groups[i]!;
    const l = first!;
    // Without {{diagnostico…}} placeholders no diagnostic value can appear in the message.
    const variables = needsDiagnostics
      ? (await loadCustomerDiagnostics({ customerId: l.customerId, contractId: l.contractId, loginId: l.loginId, expectedTechnology: null })).variables
      : ({} as DiagnosticsResult["variables"]);
    const message = renderCustomerMessage(
      template,
      {
        customer: { id: l.customerId, name: l.customerName, document: l.document, branch: { central: l.central, centralPhone: l.centralPhone } },
        contract: { id: l.contractId, plan: { name: l.planName } },
        login: { username: l.username },
        variables,
      },
      templateOrder,
    );
    rows[i] = {
      customerId: l.customerId,
      customerName: l.customerName,
      neighborhood: l.neighborhood,
      logins: [l.username, ...rest.map((r) => r.username)],
      phones: phonesOf.get(l.customerId) ?? [],
      message,
    };
  };
  for (let i = 0; i < groups.length; i += DIAGNOSTICS_CONCURRENCY) {
    await Promise.all(groups.slice(i, i + DIAGNOSTICS_CONCURRENCY).map((_, k) => render(i + k)));
  }
  return {
    order: { id: order.id, number: order.number, status: order.status, subjectName: order.subject.name, expectedEndAt: order.expectedEndAt, executedAt: order.executedAt },
    template,
    customers: everyone.length,
    withoutPhone: everyone.filter((c) => !c.hasPhone).length,
    page,
    pages: opts.page === undefined ? 1 : Math.max(1, Math.ceil(everyone.length / pageSize)),
    rows,
  };
}

export type Campaign = Awaited<ReturnType<typeof buildCampaign>>;
