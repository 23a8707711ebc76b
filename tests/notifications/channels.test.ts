import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { GET as getChannels, PUT as putChannels } from "@/app/api/v1/notifications/channels/route";
import { POST as testChannel } from "@/app/api/v1/notifications/channels/[channel]/test/route";
import { closeSmtpTransports } from "@/lib/notifications/channels/smtp-email";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";
import { call } from "../helpers/http";
import { loginAs } from "../helpers/factory";
import { readableMail, startFakeHttp, startFakeSmtp, type FakeHttp, type FakeSmtp } from "../fakes/notification-servers";

process.env.RAIO_SECRET_KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
const OPA_TOKEN = "opa-jwt-segredo-123";
const WEBHOOK_SECRET = "s".repeat(32);

let admin: string;
let opa: FakeHttp;
let sms: FakeHttp;
let hook: FakeHttp;
let smtp: FakeSmtp;

const put = (body: unknown, cookie = admin) => call(putChannels, "/api/v1/notifications/channels", { method: "PUT", body, cookie });
const test = (channel: string, body: unknown) =>
  call(testChannel, `/api/v1/notifications/channels/${channel}/test`, { method: "POST", body, cookie: admin, params: { channel } });

beforeAll(async () => {
  admin = (await loginAs("ADMIN")).cookie;
  [opa, sms, hook, smtp] = await Promise.all([startFakeHttp(), startFakeHttp(), startFakeHttp(), startFakeSmtp()]);
  await db.setting.upsert({
    where: { key: "webhook" },
    create: { key: "webhook", value: { url: `${hook.url}/raio`, secret: WEBHOOK_SECRET } },
    update: { value: { url: `${hook.url}/raio`, secret: WEBHOOK_SECRET } },
  });
  const res = await put({
    whatsapp: { enabled: true, baseUrl: `${opa.url}/api/v1`, channelId: "canal-42", token: OPA_TOKEN },
    email: { enabled: true, host: "127.0.0.1", port: smtp.port, secure: false, user: "raio", password: "senha-smtp", from: "avisos@provedor.com.br" },
    sms: {
      enabled: true, url: `${sms.url}/send`, method: "POST", headers: { "X-Api-Key": "chave-sms" },
      bodyTemplate: '{"numero":"{{telefoneSemMais}}","texto":"{{mensagem}}"}', bodyEncoding: "json",
    },
    webhook: { enabled: true },
  });
  expect(res.status).toBe(200);
});

afterAll(async () => {
  closeSmtpTransports();
  await Promise.all([opa.close(), sms.close(), hook.close(), smtp.close()]);
});

beforeEach(() => {
  for (const f of [opa, sms, hook]) {
    f.requests.length = 0;
    f.answers.length = 0;
  }
  smtp.mails.length = 0;
});

describe("channel settings", () => {
  it("never answers or stores a secret in clear text", async () => {
    const res = await call(getChannels, "/api/v1/notifications/channels", { cookie: admin });
    expect(res.body.channels.whatsapp).toMatchObject({ tokenSet: true, channelId: "canal-42" });
    expect(res.body.channels.email).toMatchObject({ passwordSet: true, host: "127.0.0.1" });
    expect(res.body.channels.sms).toMatchObject({ headersSet: true, headerNames: ["X-Api-Key"] });
    for (const secret of [OPA_TOKEN, "senha-smtp", "chave-sms"]) {
      expect(res.text).not.toContain(secret);
      const stored = JSON.stringify((await db.setting.findUnique({ where: { key: "notification-channels" } }))!.value);
      expect(stored).not.toContain(secret);
    }
    expect(JSON.stringify(await db.auditLog.findMany({ where: { action: "notifications.configure" }, select: { data: true } }))).not.toContain(OPA_TOKEN);
  });

  it("keeps the secrets when other fields change, and refuses bad values naming the field", async () => {
    const res = await put({ whatsapp: { ratePerSecond: 5 }, quietHours: { enabled: false, start: "22:00" } });
    expect(res.body.channels.whatsapp).toMatchObject({ tokenSet: true, ratePerSecond: 5 });
    const bad = await put({ quietHours: { start: "25:00" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("quietHours.start");
    expect((await put({ email: { port: 0 } })).body.error.field).toBe("email.port");
  });

  it("answers 503 when a secret is saved without RAIO_SECRET_KEY", async () => {
    const key = process.env.RAIO_SECRET_KEY;
    delete process.env.RAIO_SECRET_KEY;
    try {
      const res = await put({ whatsapp: { token: "outro-token-qualquer" } });
      expect(res.status).toBe(503);
      expect(res.body.error.message).toContain("RAIO_SECRET_KEY");
    } finally {
      process.env.RAIO_SECRET_KEY = key;
    }
  });
});

describe("Enviar teste", () => {
  it("sends an Opa! Suite template with the Bearer token", async () => {
    const res = await test("whatsapp", { to: "(19) 99876-5432", whatsappTemplateId: "tpl-1" });
    expect(res.body.result).toMatchObject({ ok: true });
    expect(opa.requests).toHaveLength(1);
    const [req] = opa.requests;
    expect(req).toMatchObject({ method: "POST", url: "/api/v1/template/send" });
    expect(req!.headers.authorization).toBe(`Bearer ${OPA_TOKEN}`);
    expect(JSON.parse(req!.body)).toEqual({ contato: { canalCliente: "5519998765432" }, template: { _id: "tpl-1", variaveis: ["Teste"] }, canal: "canal-42" });
  });

  it("delivers an e-mail to a real SMTP server", async () => {
    const res = await test("email", { to: "maria@exemplo.com.br" });
    expect(res.body.result.ok).toBe(true);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]).toMatchObject({ from: "avisos@provedor.com.br", to: ["maria@exemplo.com.br"] });
    expect(readableMail(smtp.mails[0]!.raw)).toContain("Teste de aviso do Raio: se você recebeu esta mensagem");
  });

  it("posts the SMS gateway's body template with the values escaped, and its secret header", async () => {
    const res = await test("sms", { to: "+55 19 99876-5432" });
    expect(res.body.result.ok).toBe(true);
    const [req] = sms.requests;
    expect(req!.headers["x-api-key"]).toBe("chave-sms");
    expect(req!.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(req!.body)).toEqual({ numero: "5519998765432", texto: "Teste de aviso do Raio: se você recebeu esta mensagem, o canal está configurado." });
  });

  it("signs the webhook notice like the order webhooks", async () => {
    const res = await test("webhook", { to: "qualquer" });
    expect(res.body.result.ok).toBe(true);
    const [req] = hook.requests;
    expect(verifyWebhookSignature(WEBHOOK_SECRET, req!.body, req!.headers["x-raio-signature"] as string)).toBe(true);
    expect(JSON.parse(req!.body)).toMatchObject({ event: "notification.test" });
  });

  it.each([
    { label: "a refused template (400) is permanent", status: 400, body: '{"erro":"template não aprovado"}', permanent: true },
    { label: "an invalid number (422) is permanent", status: 422, body: '{"erro":"número inválido"}', permanent: true },
    { label: "rate limited (429) is transient", status: 429, body: "", permanent: false },
    { label: "a server error (503) is transient", status: 503, body: "", permanent: false },
  ])("$label", async ({ status, body, permanent }) => {
    opa.answers.push({ status, body });
    const res = await test("whatsapp", { to: "19998765432", whatsappTemplateId: "tpl-1" });
    expect(res.body.result).toMatchObject({ ok: false, permanent });
    expect(res.body.result.answer).toContain(`HTTP ${status}`);
  });

  it("classifies SMTP answers: 550 permanent, 451 transient", async () => {
    smtp.refuse.add("ninguem@exemplo.com.br");
    const refused = await test("email", { to: "ninguem@exemplo.com.br" });
    expect(refused.body.result).toMatchObject({ ok: false, permanent: true });
    smtp.deferOnce.add("depois@exemplo.com.br");
    const deferred = await test("email", { to: "depois@exemplo.com.br" });
    expect(deferred.body.result).toMatchObject({ ok: false, permanent: false });
  });

  it("treats a gateway that is down as transient", async () => {
    await put({ sms: { url: "http://127.0.0.1:9/send" } });
    try {
      const res = await test("sms", { to: "19998765432" });
      expect(res.body.result).toMatchObject({ ok: false, permanent: false });
    } finally {
      await put({ sms: { url: `${sms.url}/send` } });
    }
  });

  it("refuses an invalid address or a disabled channel with 400", async () => {
    expect((await test("sms", { to: "123" })).body.error.field).toBe("to");
    expect((await test("email", { to: "maria@" })).body.error.field).toBe("to");
    await put({ sms: { enabled: false } });
    try {
      const off = await test("sms", { to: "19998765432" });
      expect(off.status).toBe(400);
      expect(off.body.error.message).toContain("desativado");
    } finally {
      await put({ sms: { enabled: true } });
    }
    expect((await test("fax", { to: "1" })).status).toBe(400);
  });
});
