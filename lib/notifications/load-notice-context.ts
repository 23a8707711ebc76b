// What rendering a group of claimed notices needs, in two statements: the customers (name, document, e-mail,
// phones, opt-outs, branch, their first contract and login, the discount of the order when finalized) and
// the orders (number, forecast, subject, the subject's text for the event, the outbox's event variables).
import { getBackend, type NotificationChannel, type NotificationEvent } from "../db";
import { epochMs } from "../db/sql";

export interface NoticeCustomer {
  id: number;
  name: string;
  document: string;
  email: string | null;
  phones: string[];
  optOuts: NotificationChannel[];
  central: string;
  centralPhone: string | null;
  contractId: number | null;
  planName: string | null;
  username: string | null;
}

export interface NoticeOrder {
  orderId: number;
  event: NotificationEvent;
  occurrence: string;
  number: number;
  expectedEndAt: Date | null;
  subjectName: string;
  template: string;
  emailSubject: string | null;
  whatsappTemplateId: string | null;
  whatsappVariables: string[];
  vars: Record<string, string>;
}

const CUSTOMERS_SQL = `
  SELECT c.id, c.name, c.document, c.email, b.central, b."centralPhone",
         COALESCE((SELECT array_agg(p.phone ORDER BY p.id) FROM "CustomerPhone" p WHERE p."customerId" = c.id), '{}') AS phones,
         COALESCE((SELECT array_agg(o.channel::text) FROM "NotificationOptOut" o WHERE o."customerId" = c.id), '{}') AS "optOuts",
         k.id AS "contractId", pl.name AS "planName",
         (SELECT l.username FROM "Login" l WHERE l."contractId" = k.id ORDER BY l.id LIMIT 1) AS username
    FROM "Customer" c
    JOIN "Branch" b ON b.id = c."branchId"
    LEFT JOIN LATERAL (SELECT * FROM "Contract" k WHERE k."customerId" = c.id ORDER BY k.id LIMIT 1) k ON true
    LEFT JOIN "Plan" pl ON pl.id = k."planId"
   WHERE c.id = ANY($1::int[])`;

const ORDERS_SQL = `
  SELECT o.id AS "orderId", x.event::text AS event, x.occurrence, o.number, ${epochMs('o."expectedEndAt"')} AS "expectedEndAt", s.name AS "subjectName",
         sn.template, sn."emailSubject", sn."whatsappTemplateId", sn."whatsappVariables",
         COALESCE(ob.vars, '{}'::jsonb) AS vars
    FROM unnest($1::int[], $2::text[], $3::text[]) AS x("orderId", event, occurrence)
    JOIN "ServiceOrder" o ON o.id = x."orderId"
    JOIN "Subject" s ON s.id = o."subjectId"
    LEFT JOIN "SubjectNotification" sn ON sn."subjectId" = s.id AND sn.event::text = x.event
    LEFT JOIN "NotificationOutbox" ob ON ob."orderId" = o.id AND ob.event::text = x.event AND ob.occurrence = x.occurrence`;

/** Discount per customer of a finalized order (applied, not excluded), in cents. */
const DISCOUNTS_SQL = `
  SELECT k."customerId", d."orderId", SUM(d."amountCents")::int AS cents
    FROM "Discount" d JOIN "Contract" k ON k.id = d."contractId"
   WHERE d."orderId" = ANY($1::int[]) AND k."customerId" = ANY($2::int[]) AND d.status = 'APLICADO' AND NOT d.excluded AND d."amountCents" > 0
   GROUP BY k."customerId", d."orderId"`;

type Raw = Record<string, unknown>;
const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : typeof v === "string" ? (v.replace(/^\{|\}$/g, "").split(",").filter(Boolean) as T[]) : []);

export async function loadNoticeContext(
  customerIds: number[],
  orders: { orderId: number; event: NotificationEvent; occurrence: string }[],
) {
  const backend = getBackend();
  const finalized = [...new Set(orders.filter((o) => o.event === "ORDER_FINALIZED").map((o) => o.orderId))];
  const [customers, orderRows, discounts] = await Promise.all([
    backend.query<Raw>(CUSTOMERS_SQL, [customerIds]),
    backend.query<Raw>(ORDERS_SQL, [orders.map((o) => o.orderId), orders.map((o) => o.event), orders.map((o) => o.occurrence)]),
    finalized.length > 0 ? backend.query<{ customerId: number; orderId: number; cents: number }>(DISCOUNTS_SQL, [finalized, customerIds]) : [],
  ]);
  return {
    customers: new Map(
      customers.map((c) => [
        c.id as number,
        { ...(c as unknown as NoticeCustomer), phones: arr<string>(c.phones), optOuts: arr<NotificationChannel>(c.optOuts) },
      ]),
    ),
    orders: new Map(
      orderRows.map((o) => [
        `${o.orderId}:${o.event}:${o.occurrence}`,
        {
          ...(o as unknown as NoticeOrder),
          expectedEndAt: o.expectedEndAt === null || o.expectedEndAt === undefined ? null : new Date(Number(o.expectedEndAt)),
          template: (o.template as string | null) ?? "",
          whatsappVariables: arr<string>(o.whatsappVariables),
          vars: (typeof o.vars === "string" ? JSON.parse(o.vars) : o.vars) as Record<string, string>,
        },
      ]),
    ),
    discounts: new Map(discounts.map((d) => [`${d.orderId}:${d.customerId}`, d.cents])),
  };
}
