// Issue 11 item 8: a client that retried a contact after its connection dropped created a second one.
// POSTs that create something accept Idempotency-Key: a replay returns the first answer and writes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { POST as contacts } from "@/app/api/v1/contacts/route";
import { POST as regions } from "@/app/api/v1/regions/route";
import { POST as subjects } from "@/app/api/v1/subjects/route";
import { POST as tokens } from "@/app/api/v1/tokens/route";
import { POST as loginStatus } from "@/app/api/v1/logins/status/route";
import { formatDocument } from "@/lib/validation/document";
import { call } from "../helpers/http";
import { createBearer, createCustomer, loginAs } from "../helpers/factory";
import { createMaintenanceSubject, squareFeature, validBody } from "../orders/fixtures";

let agentToken: string;
let cpf: string;
let admin: { cookie: string };

beforeAll(async () => {
  await createMaintenanceSubject("Manutenção em massa");
  agentToken = (await createBearer("AGENT")).token;
  cpf = formatDocument((await createCustomer()).customer.document);
  admin = await loginAs("ADMIN");
});

const key = () => ({ "idempotency-key": randomUUID() });

describe("Idempotency-Key", () => {
  it("a retried contact returns the first answer and stores one contact", async () => {
    const headers = key();
    const before = await db.contact.count();
    const first = await call(contacts, "/api/v1/contacts", { token: agentToken, body: { cpf, channel: "chat", text: "caiu" }, headers });
    const again = await call(contacts, "/api/v1/contacts", { token: agentToken, body: { cpf, channel: "chat", text: "caiu" }, headers });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.contact.count()).toBe(before + 1);
  });

  it("the same key with another body is refused (422) and writes nothing", async () => {
    const headers = key();
    await call(contacts, "/api/v1/contacts", { token: agentToken, body: { cpf, channel: "chat", text: "um" }, headers });
    const before = await db.contact.count();
    const other = await call(contacts, "/api/v1/contacts", { token: agentToken, body: { cpf, channel: "chat", text: "dois" }, headers });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: "IDEMPOTENCY_MISMATCH", field: "Idempotency-Key" });
    expect(await db.contact.count()).toBe(before);
  });

  it("twenty concurrent duplicates write once and all get the same answer", async () => {
    const headers = key();
    const before = await db.contact.count();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(contacts, "/api/v1/contacts", { token: agentToken, body: { cpf, channel: "whatsapp", text: "simultâneo" }, headers })),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await db.contact.count()).toBe(before + 1);
  });

  it("keys are per principal: another token's identical key is a new request", async () => {
    const headers = key();
    const other = (await createBearer("AGENT", "outro chatbot")).token;
    const before = await db.contact.count();
    await call(contacts, "/api/v1/contacts", { token: agentToken, body: { cpf, channel: "chat" }, headers });
    await call(contacts, "/api/v1/contacts", { token: other, body: { cpf, channel: "chat" }, headers });
    expect(await db.contact.count()).toBe(before + 2);
  });

  it("a refused request is not kept: fixed and resent with the same key, it runs", async () => {
    const headers = key();
    const bad = await call(subjects, "/api/v1/subjects", { cookie: admin.cookie, body: { name: "x" }, headers });
    expect(bad.status).toBe(400);
    const rows = await db.idempotencyKey.count({ where: { key: headers["idempotency-key"] } });
    expect(rows).toBe(0);
  });

  it("regions, subjects, tokens and login status batches replay too", async () => {
    const counts = async () => ({
      orders: await db.serviceOrder.count(),
      subjects: await db.subject.count(),
      tokens: await db.apiToken.count(),
    });
    const region = key();
    const subject = key();
    const token = key();
    const before = await counts();
    const body = validBody({ region: squareFeature(-47.4, -22.6) });
    const r1 = await call(regions, "/api/v1/regions", { cookie: admin.cookie, body, headers: region });
    const r2 = await call(regions, "/api/v1/regions", { cookie: admin.cookie, body, headers: region });
    expect([r1.status, r2.body.order.id]).toEqual([201, r1.body.order.id]);
    const s1 = await call(subjects, "/api/v1/subjects", { cookie: admin.cookie, body: { name: "Assunto idempotente" }, headers: subject });
    const s2 = await call(subjects, "/api/v1/subjects", { cookie: admin.cookie, body: { name: "Assunto idempotente" }, headers: subject });
    expect(s1.status).toBe(201);
    expect(s2.text).toBe(s1.text);
    const t1 = await call(tokens, "/api/v1/tokens", { cookie: admin.cookie, body: { name: "token idempotente" }, headers: token });
    const t2 = await call(tokens, "/api/v1/tokens", { cookie: admin.cookie, body: { name: "token idempotente" }, headers: token });
    expect(t1.status).toBe(201);
    expect(t2.body.token).toBe(t1.body.token);
    expect(await counts()).toEqual({ orders: before.orders + 1, subjects: before.subjects + 1, tokens: before.tokens + 1 });

    const batch = key();
    const events = { events: [{ login: "nao-existe", online: false, at: new Date().toISOString() }] };
    const b1 = await call(loginStatus, "/api/v1/logins/status", { token: agentToken, body: events, headers: batch });
    const b2 = await call(loginStatus, "/api/v1/logins/status", { token: agentToken, body: events, headers: batch });
    expect(b1.status).toBe(200);
    expect(b2.headers.get("idempotent-replayed")).toBe("true");
  });

  it("an invalid key is a 400 naming the header", async () => {
    const res = await call(contacts, "/api/v1/contacts", { token: agentToken, body: { cpf, channel: "chat" }, headers: { "idempotency-key": "com espaço" } });
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe("Idempotency-Key");
  });
});
