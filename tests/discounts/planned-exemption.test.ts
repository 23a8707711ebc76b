// Anatel RQUAL and planned work: a planned order exempts only the customers actually told at least 72 h (the
// settings' plannedNoticeHours) before the interruption start — their PLANNED_MAINTENANCE notice SENT in time
// on any channel, or the order's announcedAt (a notice given outside Raio) —; everyone else is refunded. The
// notices go through the real outbox, sweep and dispatcher to fake SMS and SMTP servers on loopback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { saveChannelsConfig } from "@/lib/notifications/channel-settings";
import { closeSmtpTransports } from "@/lib/notifications/channels/smtp-email";
import { dispatchNotifications } from "@/lib/notifications/dispatch-notifications";
import { sweepNotifications } from "@/lib/notifications/notification-workers";
import { saveSubjectNotification } from "@/lib/notifications/subject-notifications";
import { createRegionWithOrder } from "@/lib/orders/create-region-with-order";
import { executeOrder } from "@/lib/orders/order-transitions";
import { finalizeOrderWithDiscounts } from "@/lib/discounts/finalize-order-with-discounts";
import { proposeDiscounts } from "@/lib/discounts/propose-discounts";
import { stopQueue } from "@/lib/queue/queue";
import { createCustomer, createUser } from "../helpers/factory";
import { square } from "../helpers/orders";
import { startFakeHttp, startFakeSmtp, type FakeHttp, type FakeSmtp } from "../fakes/notification-servers";

process.env.RAIO_SECRET_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const H = 3_600_000;
let sms: FakeHttp;
let smtp: FakeSmtp;
let admin: Principal;
let subjectId: number;

beforeAll(async () => {
  [sms, smtp] = await Promise.all([startFakeHttp(), startFakeSmtp()]);
  const { user } = await createUser("ADMIN");
  admin = { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email };
  await saveChannelsConfig({
    email: { enabled: true, host: "127.0.0.1", port: smtp.port, from: "avisos@provedor.com.br", ratePerSecond: 0 },
    sms: { enabled: true, url: `${sms.url}/send`, ratePerSecond: 0 },
    quietHours: { enabled: false },
  }, admin);
  const subject = await db.subject.create({ data: { name: `Programada ${Math.random().toString(36).slice(2)}`, discountRule: "ANATEL_RQUAL" } });
  subjectId = subject.id;
  await saveSubjectNotification(subjectId, "PLANNED_MAINTENANCE", {
    template: "Manutenção programada a partir de {{inicioPrevisto}} (OS {{os}}).", channels: ["SMS", "EMAIL"],
  }, admin);
});

afterAll(async () => {
  await stopQueue();
  closeSmtpTransports();
  await Promise.all([sms.close(), smtp.close()]);
});

/** Four customers in one square: Ana (SMS), Bia (e-mail only), Caio (SMS), Duda (no contact at all). */
async function plannedOrder(lng: number, opts: { announcedAt?: Date } = {}) {
  const lat = -12.0;
  const ana = await createCustomer({ lng, lat, phone: "5519998761001", customer: { name: "Ana" } });
  const bia = await createCustomer({ lng: lng + 0.001, lat, customer: { name: "Bia", email: "bia@exemplo.com.br" } });
  const caio = await createCustomer({ lng, lat: lat + 0.001, phone: "5519998761003", customer: { name: "Caio" } });
  const duda = await createCustomer({ lng: lng + 0.001, lat: lat + 0.001, customer: { name: "Duda" } });
  const start = new Date(Date.now() + 100 * H);
  const { order } = await createRegionWithOrder({
    subjectId, description: "Troca de OLT programada", expectedEndAt: null,
    scheduledStartAt: start.toISOString(),
    ...(opts.announcedAt ? { planned: true, announcedAt: opts.announcedAt.toISOString() } : {}),
    region: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [square(lng, lat, 0.01)] } },
  }, admin);
  // The real path: outbox → Notification rows → channels.
  await sweepNotifications();
  await dispatchNotifications("SMS");
  await dispatchNotifications("EMAIL");
  return { order, start, ana, bia, caio, duda };
}

describe("planned order exemption, per customer", () => {
  it("exempts only the customers told ≥ 72 h ahead (any channel); the late and the never-told are refunded", async () => {
    const { order, start, ana, bia, caio, duda } = await plannedOrder(-30.0);
    const sent = await db.notification.findMany({ where: { orderId: order.id, event: "PLANNED_MAINTENANCE" }, select: { customerId: true, channel: true, status: true, sentAt: true } });
    const sentTo = sent.filter((n) => n.status === "SENT").map((n) => n.customerId).sort();
    expect(sentTo).toEqual([ana.customer.id, bia.customer.id, caio.customer.id].sort());
    expect(sms.requests.some((r) => r.body.includes("Manutenção programada a partir de"))).toBe(true);
    expect(smtp.mails.length).toBeGreaterThan(0);
    // Caio's SMS only went out 10 h before the start (say the gateway held it): his notice is late.
    await db.notification.updateMany({ where: { orderId: order.id, customerId: caio.customer.id, status: "SENT" }, data: { sentAt: new Date(start.getTime() - 10 * H) } });

    await executeOrder(order.id, admin);
    const window = { interruptionStart: start.toISOString(), interruptionEnd: new Date(start.getTime() + 2 * H).toISOString() };
    const proposal = await proposeDiscounts(order.id, { interruptionStart: start, interruptionEnd: new Date(start.getTime() + 2 * H) });
    const byCustomer = new Map(proposal.lines.map((l) => [l.customerId, l]));
    expect(byCustomer.get(ana.customer.id)).toMatchObject({ proposedCents: 0, noDiscountCause: "PLANNED_ANNOUNCED" });
    expect(byCustomer.get(bia.customer.id)).toMatchObject({ proposedCents: 0, noDiscountCause: "PLANNED_ANNOUNCED" });
    // 9990 × 120 ÷ 43,200 = 27.75 → 28
    expect(byCustomer.get(caio.customer.id)).toMatchObject({ proposedCents: 28, reason: expect.stringContaining("avisada com 10 h de antecedência (menos de 72 h)") });
    expect(byCustomer.get(duda.customer.id)).toMatchObject({ proposedCents: 28, reason: expect.stringContaining("sem aviso registrado") });

    const result = await finalizeOrderWithDiscounts(order.id, window, admin);
    expect(result.discounts).toBe(2);
    expect(result.plannedNotice).toMatchObject({ exempt: 2, late: 1, notNotified: 1 });
    expect(result.summary).toContain("Interrupção programada: 2 de 4 cliente(s) avisado(s) com 72 h ou mais de antecedência (isentos); ressarcidos: 1 avisado(s) com menos de 72 h, 1 sem aviso registrado.");
    expect(result.summary).toContain("cliente avisado com 72 h ou mais de antecedência");
    const paid = (await db.discount.findMany({ where: { orderId: order.id }, select: { contractId: true } })).map((d) => d.contractId).sort();
    expect(paid).toEqual([caio.contract.id, duda.contract.id].sort());
  });

  it("follows the notice hours setting", async () => {
    const { order, start } = await plannedOrder(-30.5);
    await db.setting.upsert({ where: { key: "app" }, create: { key: "app", value: { plannedNoticeHours: 120 } }, update: { value: { plannedNoticeHours: 120 } } });
    try {
      await executeOrder(order.id, admin);
      const proposal = await proposeDiscounts(order.id, { interruptionStart: start, interruptionEnd: new Date(start.getTime() + 2 * H) });
      // Told ~100 h ahead: enough for 72 h, not for 120 h.
      expect(proposal.plannedNotice).toMatchObject({ noticeHours: 120, exempt: 0, late: 3, notNotified: 1 });
      expect(proposal.lines.every((l) => l.proposedCents > 0)).toBe(true);
    } finally {
      await db.setting.deleteMany({ where: { key: "app" } });
    }
  });

  it("an announcement made outside Raio (announcedAt) covers every customer, combined with Raio's notices", async () => {
    const { order, start } = await plannedOrder(-31.0, { announcedAt: new Date(Date.now() - 1 * H) });
    await executeOrder(order.id, admin);
    const proposal = await proposeDiscounts(order.id, { interruptionStart: start, interruptionEnd: new Date(start.getTime() + 2 * H) });
    expect(proposal.plannedNotice).toMatchObject({ exempt: 4, late: 0, notNotified: 0 });
    expect(proposal.totalCents).toBe(0);
  });
});
