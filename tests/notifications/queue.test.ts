// Notices from an order's life cycle to the customers, on the durable queue: outbox in the transition's
// transaction, one set-based enqueue, dispatch per channel with opt-outs, contacts, retries, quiet hours and
// rate limits — against a real SMTP server and fake Opa! Suite / SMS gateway servers.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { saveChannelsConfig } from "@/lib/notifications/channel-settings";
import { closeSmtpTransports } from "@/lib/notifications/channels/smtp-email";
import { dispatchNotifications } from "@/lib/notifications/dispatch-notifications";
import { enqueueNotifications } from "@/lib/notifications/enqueue-notifications";
import { sweepNotifications } from "@/lib/notifications/notification-workers";
import { saveSubjectNotification } from "@/lib/notifications/subject-notifications";
import { changeForecast } from "@/lib/orders/change-forecast";
import { executeOrder } from "@/lib/orders/order-transitions";
import { finalizeOrderWithDiscounts } from "@/lib/discounts/finalize-order-with-discounts";
import { createCustomer, createUser } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";
import { createRegionWithOrder } from "@/lib/orders/create-region-with-order";
import { readableMail, startFakeHttp, startFakeSmtp, type FakeHttp, type FakeSmtp } from "../fakes/notification-servers";

process.env.RAIO_SECRET_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

let opa: FakeHttp;
let sms: FakeHttp;
let smtp: FakeSmtp;
let admin: Principal;
let lng = -46.0;

const statusCounts = async (orderId: number) =>
  Object.fromEntries(
    (await db.notification.groupBy({ by: ["status"], where: { orderId }, _count: true })).map((g) => [g.status, g._count]),
  );

async function configure(extra: Record<string, unknown> = {}) {
  await saveChannelsConfig(
    {
      whatsapp: { enabled: true, baseUrl: `${opa.url}/api/v1`, channelId: "canal-1", token: "opa-token-123", ratePerSecond: 0 },
      email: { enabled: true, host: "127.0.0.1", port: smtp.port, secure: false, user: null, password: null, from: "avisos@provedor.com.br", ratePerSecond: 0 },
      sms: { enabled: true, url: `${sms.url}/send`, method: "POST", bodyTemplate: '{"to":"{{telefone}}","msg":"{{mensagem}}"}', bodyEncoding: "json", ratePerSecond: 0 },
      quietHours: { enabled: false },
      maxAttempts: 3,
      ...extra,
    },
    admin,
  );
}

/** A region with customers in it, its subject telling ORDER_STARTED etc. on `channels`. */
async function scenario(channels: ("WHATSAPP" | "EMAIL" | "SMS")[], specs: Parameters<typeof createCustomer>[0][]) {
  lng -= 0.5;
  const lat = -23.0;
  const subject = await db.subject.create({ data: { name: `Aviso ${Math.random().toString(36).slice(2)}` } });
  for (const event of ["ORDER_STARTED", "FORECAST_CHANGED", "ORDER_FINALIZED"] as const) {
    await saveSubjectNotification(subject.id, event, {
      template: event === "ORDER_FINALIZED" ? "Olá, {{primeiroNome}}! OS {{os}} finalizada. {{desconto}}" : "Olá, {{primeiroNome}}! OS {{os}}: previsão {{previsao}} (antes {{previsaoAnterior}}).".replace(" (antes {{previsaoAnterior}})", event === "FORECAST_CHANGED" ? " (antes {{previsaoAnterior}})" : ""),
      emailSubject: "Manutenção – OS {{os}}",
      channels,
      whatsappTemplateId: "tpl-manutencao",
      whatsappVariables: ["primeiroNome", "os"],
    }, admin);
  }
  const customers = [];
  for (const spec of specs) customers.push(await createCustomer({ lng, lat, ...spec }));
  const { order } = await createOrderAt(square(lng, lat, 0.01), { subjectId: subject.id, principal: admin });
  return { order, customers, subject };
}

beforeAll(async () => {
  [opa, sms, smtp] = await Promise.all([startFakeHttp(), startFakeHttp(), startFakeSmtp()]);
  const { user } = await createUser("ADMIN");
  admin = { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email };
  await configure();
});

afterAll(async () => {
  closeSmtpTransports();
  await Promise.all([opa.close(), sms.close(), smtp.close()]);
});

beforeEach(() => {
  for (const f of [opa, sms]) {
    f.requests.length = 0;
    f.answers.length = 0;
    f.delayMs = 0;
  }
  smtp.mails.length = 0;
});

describe("notices of an order", () => {
  it("tells the customers inside when an outage suggestion is confirmed as an order, and only then", async () => {
    lng -= 0.5;
    const lat = -23.0;
    const subject = await db.subject.create({ data: { name: `Queda ${Math.random().toString(36).slice(2)}` } });
    await saveSubjectNotification(subject.id, "OUTAGE_CONFIRMED", { template: "Olá, {{primeiroNome}}! Falha identificada (OS {{os}}).", channels: ["SMS"] }, admin);
    const inside = [];
    for (const i of [1, 2]) inside.push(await createCustomer({ lng, lat, phone: `551999876200${i}`, customer: { name: `Cliente ${i} Teste` } }));
    const region = (half: number) => ({ type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [square(lng, lat, half)] } });
    const fromSuggestion = { offlineLoginIds: inside.map((c) => c.login!.id) };

    // Drawn by hand over the same place: no outage was confirmed, nobody is told.
    const drawn = await createRegionWithOrder({ subjectId: subject.id, description: "Desenhada", region: region(0.01) }, admin);
    expect(drawn.fromSuggestion).toBe(false);
    await db.serviceOrder.update({ where: { id: drawn.order.id }, data: { status: "CANCELADA", cancelledAt: new Date() } });

    const confirmed = await createRegionWithOrder({ subjectId: subject.id, description: "Da sugestão", region: region(0.01), fromSuggestion }, admin);
    expect(confirmed.fromSuggestion).toBe(true);
    await sweepNotifications();
    await dispatchNotifications("SMS");
    expect(await db.notification.count({ where: { orderId: drawn.order.id } })).toBe(0);
    expect(await statusCounts(confirmed.order.id)).toEqual({ SENT: 2 });
    expect(sms.requests.map((r) => JSON.parse(r.body).msg).sort()).toEqual([
      `Olá, Cliente! Falha identificada (OS ${confirmed.order.number}).`,
      `Olá, Cliente! Falha identificada (OS ${confirmed.order.number}).`,
    ]);
    expect(sms.requests.map((r) => JSON.parse(r.body).to).sort()).toEqual(["+5519998762001", "+5519998762002"]);
  });

  it("tells each affected customer once per channel when the order starts; no contact or an opt-out is skipped", async () => {
    const { order, customers } = await scenario(["WHATSAPP", "EMAIL", "SMS"], [
      { phone: "5519998760001", customer: { email: "ana@exemplo.com.br", name: "Ana Souza" } },
      { phone: "551932320002", customer: { email: null, name: "Bruno Lima" } }, // landline only, no e-mail
      { phone: "5519998760003", customer: { email: "carla@exemplo.com.br", name: "Carla Dias" } },
    ]);
    await db.notificationOptOut.create({ data: { customerId: customers[2]!.customer.id, channel: "SMS" } });

    await executeOrder(order.id, admin);
    // The outbox row committed with the transition; nothing is enqueued before the sweep.
    expect(await db.notificationOutbox.count({ where: { orderId: order.id, event: "ORDER_STARTED", processedAt: null } })).toBe(1);
    await sweepNotifications();
    expect(await db.notification.count({ where: { orderId: order.id } })).toBe(9);

    for (const channel of ["WHATSAPP", "EMAIL", "SMS"] as const) await dispatchNotifications(channel);
    expect(await statusCounts(order.id)).toEqual({ SENT: 5, SKIPPED: 4 });

    expect(opa.requests.map((r) => JSON.parse(r.body).contato.canalCliente).sort()).toEqual(["5519998760001", "5519998760003"]);
    expect(JSON.parse(opa.requests[0]!.body).template).toEqual({ _id: "tpl-manutencao", variaveis: ["Ana", String(order.number)] });
    expect(sms.requests.map((r) => JSON.parse(r.body).to)).toEqual(["+5519998760001"]);
    expect(JSON.parse(sms.requests[0]!.body).msg).toMatch(new RegExp(`^Olá, Ana! OS ${order.number}: previsão \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d\\.$`));
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(["ana@exemplo.com.br", "carla@exemplo.com.br"]);
    expect(readableMail(smtp.mails[0]!.raw)).toContain(`Subject: Manutenção – OS ${order.number}`);

    const skipped = await db.notification.findMany({ where: { orderId: order.id, status: "SKIPPED" }, select: { customerId: true, channel: true, answer: true }, orderBy: [{ customerId: "asc" }, { channel: "asc" }] });
    expect(skipped).toEqual([
      { customerId: customers[1]!.customer.id, channel: "WHATSAPP", answer: "sem celular válido" },
      { customerId: customers[1]!.customer.id, channel: "EMAIL", answer: "sem e-mail cadastrado" },
      { customerId: customers[1]!.customer.id, channel: "SMS", answer: "sem celular válido" },
      { customerId: customers[2]!.customer.id, channel: "SMS", answer: "o cliente pediu para não receber avisos por SMS" },
    ]);
  });

  it("never tells a customer twice: the same event enqueued again, and two dispatchers at once", async () => {
    const { order } = await scenario(["SMS"], Array.from({ length: 12 }, (_, i) => ({ phone: `55199987610${String(i).padStart(2, "0")}` })));
    await executeOrder(order.id, admin);
    // A second instance executing the same order is refused by the guarded transition; an outbox row written
    // twice (retried job, sweep racing the fast path) is one row, and enqueuing it twice inserts nothing new.
    await expect(executeOrder(order.id, admin)).rejects.toThrow();
    await db.$transaction((tx) => tx.notificationOutbox.createMany({ data: [{ orderId: order.id, event: "ORDER_STARTED" }], skipDuplicates: true }));
    const outbox = await db.notificationOutbox.findFirstOrThrow({ where: { orderId: order.id } });
    await Promise.all([enqueueNotifications(outbox.id), enqueueNotifications(outbox.id), sweepNotifications()]);
    expect(await db.notification.count({ where: { orderId: order.id } })).toBe(12);

    sms.delayMs = 20;
    await Promise.all([dispatchNotifications("SMS", { groupSize: 3 }), dispatchNotifications("SMS", { groupSize: 3 })]);
    const numbers = sms.requests.map((r) => JSON.parse(r.body).to);
    expect(numbers).toHaveLength(12);
    expect(new Set(numbers).size).toBe(12);
    expect(await statusCounts(order.id)).toEqual({ SENT: 12 });
  });

  it("retries a transient error with back-off, never a permanent one, and dead-letters after the last attempt", async () => {
    const { order } = await scenario(["WHATSAPP"], [{ phone: "5519998762001" }, { phone: "5519998762002" }, { phone: "5519998762003" }]);
    await executeOrder(order.id, admin);
    await sweepNotifications();
    // Claimed in id order: customer 1 → 503, customer 2 → 400 (template refused), customer 3 → 429.
    opa.answers.push({ status: 503 }, { status: 400, body: '{"erro":"template recusado"}' }, { status: 429 });
    const first = await dispatchNotifications("WHATSAPP", { groupSize: 1 });
    expect(first).toMatchObject({ sent: 0, failed: 1, retried: 2 });
    expect(first.nextDueAt!.getTime()).toBeGreaterThan(Date.now());
    const refused = await db.notification.findFirstOrThrow({ where: { orderId: order.id, status: "FAILED" } });
    expect(refused.answer).toContain("erro permanente: HTTP 400");
    expect(refused.attempts).toBe(1);

    // Make the back-off elapse; customer 1 now gets through, customer 3 keeps failing until the third attempt.
    const due = () => db.notification.updateMany({ where: { orderId: order.id, status: "QUEUED" }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
    await due();
    opa.answers.push({ status: 200 }, { status: 502 });
    await dispatchNotifications("WHATSAPP", { groupSize: 1 });
    await due();
    opa.answers.push({ status: 503 });
    await dispatchNotifications("WHATSAPP", { groupSize: 1 });
    const rows = await db.notification.findMany({ where: { orderId: order.id }, orderBy: { customerId: "asc" }, select: { status: true, attempts: true, answer: true } });
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([["SENT", 2], ["FAILED", 1], ["FAILED", 3]]);
    expect(rows[2]!.answer).toContain("desistiu após 3 tentativas: HTTP 503");
    expect(opa.requests).toHaveLength(6);
  });

  it("holds notices during quiet hours (nothing sent, nothing dropped)", async () => {
    const { order } = await scenario(["EMAIL"], [{ customer: { email: "quieta@exemplo.com.br" } }]);
    await executeOrder(order.id, admin);
    await sweepNotifications();
    await configure({ quietHours: { enabled: true, start: "00:00", end: "23:59" } });
    try {
      const held = await dispatchNotifications("EMAIL");
      expect(held.heldUntil).not.toBeNull();
      expect(smtp.mails).toHaveLength(0);
      expect(await statusCounts(order.id)).toEqual({ QUEUED: 1 });
    } finally {
      await configure();
    }
    await dispatchNotifications("EMAIL");
    expect(await statusCounts(order.id)).toEqual({ SENT: 1 });
  });

  it("paces a channel to its rate limit", async () => {
    const { order } = await scenario(["SMS"], Array.from({ length: 25 }, (_, i) => ({ phone: `55199987630${String(i).padStart(2, "0")}` })));
    await executeOrder(order.id, admin);
    await sweepNotifications();
    await configure({ sms: { ratePerSecond: 10 } });
    try {
      const started = Date.now();
      await dispatchNotifications("SMS");
      expect(Date.now() - started).toBeGreaterThanOrEqual(2_000); // 25 messages at 10/s: groups at 0, 1 s and 2 s
      // A group of 10 may start only a second after the previous one: by arrival time at the gateway,
      // at most 10 before the first second is over and 20 before the second.
      const times = sms.requests.map((r) => r.at);
      expect(times.filter((t) => t < started + 1_000).length).toBeLessThanOrEqual(10);
      expect(times.filter((t) => t < started + 2_000).length).toBeLessThanOrEqual(20);
    } finally {
      await configure();
    }
    expect(await statusCounts(order.id)).toEqual({ SENT: 25 });
  });

  it("tells a new forecast once, with the previous one, and the finalization with the customer's discount", async () => {
    const { order, customers } = await scenario(["SMS"], [
      { phone: "5519998764001", customer: { name: "Diana Reis" } },
      { phone: "5519998764002", customer: { name: "Eva Reis" } }, // RQUAL: an interruption hits more than one customer
    ]);
    await executeOrder(order.id, admin);
    await sweepNotifications();
    await dispatchNotifications("SMS");
    sms.requests.length = 0;

    await changeForecast(order.id, { expectedEndAt: "2030-01-15T18:00:00-03:00" }, admin);
    await changeForecast(order.id, { expectedEndAt: "2030-01-15T18:00:00-03:00" }, admin); // same value: nothing new
    await sweepNotifications();
    await dispatchNotifications("SMS");
    expect(sms.requests).toHaveLength(2);
    expect(JSON.parse(sms.requests.find((r) => r.body.includes("Diana"))!.body).msg).toMatch(/^Olá, Diana! OS \d+: previsão 15\/01\/2030 18:00 \(antes \d\d\/\d\d\/\d{4} \d\d:\d\d\)\.$/);

    sms.requests.length = 0;
    await db.serviceOrder.update({ where: { id: order.id }, data: { executedAt: new Date(Date.now() - 5 * 3_600_000), interruptionStart: new Date(Date.now() - 5 * 3_600_000) } });
    await finalizeOrderWithDiscounts(order.id, {}, admin);
    const discount = await db.discount.findFirst({ where: { orderId: order.id, contract: { customerId: customers[0]!.customer.id } } });
    await sweepNotifications();
    await dispatchNotifications("SMS");
    const msg = JSON.parse(sms.requests.find((r) => r.body.includes("Diana"))!.body).msg as string;
    expect(discount!.amountCents).toBeGreaterThan(0);
    const reais = (discount!.amountCents / 100).toFixed(2).replace(".", ",");
    expect(msg).toMatch(new RegExp(`^Olá, Diana! OS \\d+ finalizada\\. Você terá um desconto de R\\$ ${reais} na próxima fatura\\.$`));
  });
});
