// Status page subscriptions: double opt-in by e-mail (a real SMTP server on loopback) and WhatsApp (a fake
// Opa! Suite), the one-click unsubscribe, and bad input (malformed e-mail/phone/CEP, unknown CEP, another
// site's form, a flood from one address). Runs on both backends.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { POST as subscribe } from "@/app/status/assinar/route";
import { GET as confirm } from "@/app/status/confirmar/route";
import { GET as cancel, POST as cancelPost } from "@/app/status/cancelar/route";
import { PUT as putChannels } from "@/app/api/v1/notifications/channels/route";
import { PUT as putBranding } from "@/app/api/v1/settings/status-page/route";
import { closeSmtpTransports } from "@/lib/notifications/channels/smtp-email";
import { refreshStatusSnapshot, statusNoticesSettled } from "@/lib/status-page/status-read-model";
import { createOrderAt, square } from "../helpers/orders";
import { call } from "../helpers/http";
import { createCustomer, loginAs } from "../helpers/factory";
import { readableMail, startFakeHttp, startFakeSmtp, type FakeHttp, type FakeSmtp } from "../fakes/notification-servers";

process.env.RAIO_SECRET_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const ORIGIN = "http://localhost:3000";
const LIMIT = 6;

let admin: string;
let smtp: FakeSmtp;
let opa: FakeHttp;
let ip = 1;

/** The form as a browser posts it from the page (same origin, urlencoded), from its own IP unless told. */
function post(fields: Record<string, string>, opts: { origin?: string | null; type?: string; from?: string } = {}) {
  const headers: Record<string, string> = {
    "content-type": opts.type ?? "application/x-www-form-urlencoded",
    "x-forwarded-for": opts.from ?? `10.0.0.${ip++}`,
  };
  if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  return call(subscribe, "/status/assinar", { method: "POST", rawBody: new URLSearchParams(fields).toString(), headers });
}

const linkIn = (text: string, path: string) => new RegExp(`http://localhost:3000(${path}\\?token=[A-Za-z0-9_-]+)`).exec(text)?.[1];

beforeAll(async () => {
  process.env.RAIO_STATUS_SUBSCRIBE_PER_HOUR = String(LIMIT);
  process.env.RAIO_STATUS_REFRESH_MS = "600000";
  resetEnvCache();
  admin = (await loginAs("ADMIN")).cookie;
  [smtp, opa] = await Promise.all([startFakeSmtp(), startFakeHttp()]);
  const res = await call(putChannels, "/api/v1/notifications/channels", {
    method: "PUT", cookie: admin,
    body: {
      email: { enabled: true, host: "127.0.0.1", port: smtp.port, secure: false, user: "raio", password: "senha-smtp", from: "avisos@provedor.com.br" },
      whatsapp: { enabled: true, baseUrl: `${opa.url}/api/v1`, channelId: "canal-7", token: "opa-token-123456" },
    },
  });
  expect(res.status).toBe(200);
  expect((await call(putBranding, "/api/v1/settings/status-page", { method: "PUT", cookie: admin, body: { providerName: "Fibra Boa", whatsappTemplateId: "tpl-status" } })).status).toBe(200);
  await createCustomer({ customer: { zip: "13010-001" } });
  await createCustomer({ customer: { zip: "13010-002" } });
  await createCustomer({ lng: -44.0, lat: -19.9, customer: { zip: "30110-000", city: "Belo Horizonte", state: "MG", neighborhood: "Funcionários" } });
  await refreshStatusSnapshot();
});

afterAll(async () => {
  closeSmtpTransports();
  await Promise.all([smtp.close(), opa.close()]);
});

beforeEach(() => {
  smtp.mails.length = 0;
  opa.requests.length = 0;
});

describe("subscribing by e-mail", () => {
  it("confirms through the e-mailed link, then unsubscribes with one click", async () => {
    const res = await post({ canal: "email", contato: " Maria@Exemplo.com.BR ", cep: "13010-001" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("enviamos no seu e-mail um link de confirmação");
    const row = await db.statusSubscription.findFirstOrThrow({ where: { address: "maria@exemplo.com.br" } });
    expect(row).toMatchObject({ channel: "EMAIL", cep: "13010001", confirmedAt: null });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.to).toEqual(["maria@exemplo.com.br"]);
    const mail = readableMail(smtp.mails[0]!.raw);
    expect(mail).toContain("Fibra Boa");
    const confirmLink = linkIn(mail, "/status/confirmar");
    expect(confirmLink).toBeDefined();
    // Only the token's hash is stored.
    expect(row.confirmTokenHash).not.toBe(confirmLink!.split("token=")[1]);

    const confirmed = await call(confirm, confirmLink!);
    expect(confirmed.status).toBe(200);
    expect(confirmed.text).toContain("Você vai receber avisos de manutenção no CEP 13010-001");
    expect((await db.statusSubscription.findUniqueOrThrow({ where: { id: row.id } })).confirmedAt).not.toBeNull();
    // The link works once.
    const again = await call(confirm, confirmLink!);
    expect(again.status).toBe(404);
    expect(again.text).toContain("Link inválido ou expirado");

    const cancelLink = linkIn(confirmed.text, "/status/cancelar");
    expect(cancelLink).toBeDefined();
    const off = await call(cancel, cancelLink!);
    expect(off.status).toBe(200);
    expect(off.text).toContain("Você não vai mais receber avisos de manutenção do CEP 13010-001");
    expect((await db.statusSubscription.findUniqueOrThrow({ where: { id: row.id } })).unsubscribedAt).not.toBeNull();
    // One-click from a mail client (RFC 8058) on an already cancelled one says the same.
    expect((await call(cancelPost, cancelLink!, { method: "POST" })).status).toBe(200);
  });

  it("does not say whether an address was already subscribed, and sends nothing to a confirmed one", async () => {
    await post({ canal: "email", contato: "ja@exemplo.com", cep: "13010002" });
    const link = linkIn(readableMail(smtp.mails[0]!.raw), "/status/confirmar")!;
    expect((await call(confirm, link)).status).toBe(200);
    smtp.mails.length = 0;
    const res = await post({ canal: "email", contato: "ja@exemplo.com", cep: "13010002" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("Se este contato ainda não estava confirmado");
    expect(smtp.mails).toHaveLength(0);
  });

  it("sends a pending address one confirmation per 10 minutes, however often the form is sent", async () => {
    for (let i = 0; i < 3; i++) expect((await post({ canal: "email", contato: "alvo@exemplo.com", cep: "13010001" })).status).toBe(200);
    expect(smtp.mails).toHaveLength(1);
  });

  it("refuses an expired or forged link", async () => {
    expect((await call(confirm, "/status/confirmar?token=nao-existe-mas-tem-formato-ok")).status).toBe(404);
    expect((await call(confirm, "/status/confirmar?token=<script>")).status).toBe(404);
    expect((await call(cancel, "/status/cancelar?token=")).status).toBe(404);
    await post({ canal: "email", contato: "velho@exemplo.com", cep: "13010001" });
    const link = linkIn(readableMail(smtp.mails[0]!.raw), "/status/confirmar")!;
    await db.statusSubscription.updateMany({ where: { address: "velho@exemplo.com" }, data: { confirmSentAt: new Date(Date.now() - 49 * 3_600_000) } });
    const res = await call(confirm, link);
    expect(res.status).toBe(404);
    expect((await db.statusSubscription.findFirstOrThrow({ where: { address: "velho@exemplo.com" } })).confirmedAt).toBeNull();
  });
});

describe("subscribing by WhatsApp", () => {
  it("sends the confirmation through the Opa! Suite template with the link as its variable", async () => {
    const res = await post({ canal: "whatsapp", contato: "(19) 99876-5432", cep: "13010001" });
    expect(res.status).toBe(200);
    expect(res.text).toContain("no seu WhatsApp");
    expect(opa.requests).toHaveLength(1);
    const body = JSON.parse(opa.requests[0]!.body) as { contato: { canalCliente: string }; template: { _id: string; variaveis: string[] }; canal: string };
    expect(body.contato.canalCliente).toBe("5519998765432");
    expect(body.template._id).toBe("tpl-status");
    const link = linkIn(body.template.variaveis[0]!, "/status/confirmar")!;
    expect((await call(confirm, link)).status).toBe(200);
    expect((await db.statusSubscription.findFirstOrThrow({ where: { address: "+5519998765432" } })).confirmedAt).not.toBeNull();
  });

  it("answers 503 when the provider refuses, and lets the visitor try again at once", async () => {
    opa.answers.push({ status: 500, body: "fora" });
    const res = await post({ canal: "whatsapp", contato: "19 98888-7777", cep: "13010001" });
    expect(res.status).toBe(503);
    expect(res.text).toContain("Não foi possível enviar a mensagem por WhatsApp agora");
    const retry = await post({ canal: "whatsapp", contato: "19 98888-7777", cep: "13010001" });
    expect(retry.status).toBe(200);
    expect(opa.requests).toHaveLength(2);
  });
});

describe("bad input changes nothing", () => {
  it.each([
    ["a malformed e-mail", { canal: "email", contato: "maria@", cep: "13010001" }, 400, "E-mail ou WhatsApp: e-mail inválido"],
    ["a malformed phone", { canal: "whatsapp", contato: "1234", cep: "13010001" }, 400, "E-mail ou WhatsApp: número de WhatsApp inválido"],
    ["a malformed CEP", { canal: "email", contato: "a@b.com", cep: "130-01" }, 400, "CEP: CEP inválido"],
    ["an unknown CEP", { canal: "email", contato: "a@b.com", cep: "99999-999" }, 400, "CEP: CEP 99999-999 não encontrado"],
    ["no channel", { contato: "a@b.com", cep: "13010001" }, 400, "escolha e-mail ou WhatsApp"],
    ["a hostile value", { canal: "email", contato: "<script>alert(1)</script>@x.com", cep: "13010001" }, 400, "e-mail inválido"],
  ])("refuses %s with a Portuguese message on the page", async (_label, fields, status, message) => {
    const before = await db.statusSubscription.count();
    const res = await post(fields as Record<string, string>);
    expect(res.status).toBe(status);
    expect(res.text).toContain(message);
    expect(res.text).not.toContain("<script>alert");
    expect(await db.statusSubscription.count()).toBe(before);
    expect(smtp.mails).toHaveLength(0);
  });

  it("refuses the form posted from another site (403) or not as a form (415)", async () => {
    const before = await db.statusSubscription.count();
    const cross = await post({ canal: "email", contato: "x@exemplo.com", cep: "13010001" }, { origin: "https://golpe.example" });
    expect(cross.status).toBe(403);
    expect(cross.text).toContain("não é a deste servidor");
    const json = await post({ canal: "email", contato: "x@exemplo.com", cep: "13010001" }, { type: "text/plain" });
    expect(json.status).toBe(415);
    expect(await db.statusSubscription.count()).toBe(before);
  });

  it("answers 429 in Portuguese to a flood from one address", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 3; i++) {
      statuses.push((await post({ canal: "email", contato: `flood${i}@exemplo.com`, cep: "13010001" }, { from: "203.0.113.9" })).status);
    }
    expect(statuses.slice(0, LIMIT).every((s) => s === 200)).toBe(true);
    const last = await post({ canal: "email", contato: "mais@exemplo.com", cep: "13010001" }, { from: "203.0.113.9" });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last.text).toContain("Muitos pedidos de aviso deste endereço de internet");
    expect(await db.statusSubscription.count({ where: { address: "mais@exemplo.com" } })).toBe(0);
    // Another address is not affected.
    expect((await post({ canal: "email", contato: "vizinho@exemplo.com", cep: "13010001" }, { from: "203.0.113.10" })).status).toBe(200);
  });
});

describe("notices to subscribers", () => {
  async function confirmedSubscriber(contato: string, cep: string) {
    await post({ canal: "email", contato, cep });
    const mail = smtp.mails.find((m) => m.to.includes(contato))!;
    expect((await call(confirm, linkIn(readableMail(mail.raw), "/status/confirmar")!)).status).toBe(200);
  }
  const mailsTo = (address: string) => smtp.mails.filter((m) => m.to.includes(address)).map((m) => readableMail(m.raw));

  it("tells confirmed subscribers of the CEP when work starts and at each public update, once each", async () => {
    await confirmedSubscriber("bh@exemplo.com", "30110000");
    await post({ canal: "email", contato: "pendente@exemplo.com", cep: "30110000" }); // never confirmed
    await confirmedSubscriber("longe@exemplo.com", "13010001"); // another CEP
    smtp.mails.length = 0;

    const { order } = await createOrderAt(square(-44.0, -19.9, 0.003), { execute: true });
    await db.orderUpdate.create({ data: { orderId: order.id, kind: "PUBLIC_NOTE", text: "Equipe no local." } });
    await db.orderUpdate.create({ data: { orderId: order.id, kind: "INTERNAL_NOTE", text: "NÃO MOSTRAR" } });
    await refreshStatusSnapshot();
    await statusNoticesSettled();
    const first = mailsTo("bh@exemplo.com");
    expect(first).toHaveLength(1);
    expect(first[0]).toContain("manutenção em andamento no CEP 30110-000");
    expect(first[0]).toContain("Equipe no local.");
    expect(first[0]).not.toContain("NÃO MOSTRAR");
    expect(first[0]).toMatch(/\/status\/cancelar\?token=/);
    expect(mailsTo("pendente@exemplo.com")).toHaveLength(0);
    expect(mailsTo("longe@exemplo.com")).toHaveLength(0);

    // Nothing new: nothing sent again, even after another rebuild.
    await db.serviceOrder.update({ where: { id: order.id }, data: { expectedEndAt: new Date(Date.now() + 7_200_000) } });
    await refreshStatusSnapshot();
    await statusNoticesSettled();
    expect(mailsTo("bh@exemplo.com")).toHaveLength(1);

    await db.orderUpdate.create({ data: { orderId: order.id, kind: "PUBLIC_NOTE", text: "Fibra emendada, voltando." } });
    await refreshStatusSnapshot();
    await statusNoticesSettled();
    const second = mailsTo("bh@exemplo.com");
    expect(second).toHaveLength(2);
    expect(second[1]).toContain("nova atualização da manutenção no CEP 30110-000");
    expect(second[1]).toContain("Fibra emendada, voltando.");

    // After unsubscribing, nothing more.
    const cancelLink = linkIn(second[1]!, "/status/cancelar")!;
    expect((await call(cancel, cancelLink)).status).toBe(200);
    await db.orderUpdate.create({ data: { orderId: order.id, kind: "PUBLIC_NOTE", text: "Normalizado." } });
    await refreshStatusSnapshot();
    await statusNoticesSettled();
    expect(mailsTo("bh@exemplo.com")).toHaveLength(2);
  });
});
