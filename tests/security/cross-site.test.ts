// Issue 11 item 2: cookie sessions accepted state-changing requests from other origins (a text/plain or
// urlencoded POST carrying JSON created subjects and executed orders). Cookie writes now need JSON and the
// app's own origin; Bearer clients are unaffected.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { POST as createSubject } from "@/app/api/v1/subjects/route";
import { POST as execute } from "@/app/api/v1/service-orders/[id]/execute/route";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { POST as contacts } from "@/app/api/v1/contacts/route";
import { formatDocument } from "@/lib/validation/document";
import { call } from "../helpers/http";
import { createBearer, createCustomer, createUser, loginAs } from "../helpers/factory";
import { createOrderAt, square } from "../helpers/orders";

let admin: { cookie: string };
const subject = (name: string) => JSON.stringify({ name, maintenanceMessage: "Manutenção" });

beforeAll(async () => {
  admin = await loginAs("ADMIN");
});
afterEach(() => {
  delete process.env.RAIO_ALLOWED_ORIGINS;
  resetEnvCache();
});

describe("cookie-authenticated writes", () => {
  it.each([
    ["text/plain carrying JSON", { "content-type": "text/plain" }],
    ["urlencoded carrying JSON", { "content-type": "application/x-www-form-urlencoded" }],
    ["multipart carrying JSON", { "content-type": "multipart/form-data; boundary=x" }],
  ])("%s is refused with 415 and nothing is written", async (_label, headers) => {
    const before = await db.subject.count();
    const res = await call(createSubject, "/api/v1/subjects", { cookie: admin.cookie, method: "POST", rawBody: subject(`Forjado ${Math.random()}`), headers });
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(await db.subject.count()).toBe(before);
  });

  it("a JSON write from another origin is refused (403), even with the right content type", async () => {
    const before = await db.subject.count();
    const res = await call(createSubject, "/api/v1/subjects", {
      cookie: admin.cookie, method: "POST", rawBody: subject("De outro site"),
      headers: { "content-type": "application/json", origin: "http://localhost:4000" },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("CROSS_SITE");
    expect(await db.subject.count()).toBe(before);
  });

  it("Sec-Fetch-Site cross-site or same-site without Origin is refused", async () => {
    for (const site of ["cross-site", "same-site"]) {
      const res = await call(createSubject, "/api/v1/subjects", {
        cookie: admin.cookie, method: "POST", rawBody: subject(`sfs ${site}`), headers: { "content-type": "application/json", "sec-fetch-site": site },
      });
      expect(res.status).toBe(403);
    }
  });

  it("an order cannot be executed by a body-less cross-site form post", async () => {
    const { order } = await createOrderAt(square(-47.3, -22.7, 0.01));
    const res = await call(execute, `/api/v1/service-orders/${order.id}/execute`, {
      cookie: admin.cookie, method: "POST", params: { id: String(order.id) },
      headers: { origin: "http://127.0.0.1:9999", "content-type": "application/x-www-form-urlencoded", "content-length": "0" },
    });
    expect(res.status).toBe(403);
    expect((await db.serviceOrder.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("ABERTA");
  });

  it("the app's own origin, JSON, is accepted; so is an origin listed in RAIO_ALLOWED_ORIGINS", async () => {
    const own = await call(createSubject, "/api/v1/subjects", {
      cookie: admin.cookie, method: "POST", rawBody: subject("Mesmo site"),
      headers: { "content-type": "application/json", origin: "http://localhost:3000", "sec-fetch-site": "same-origin" },
    });
    expect(own.status).toBe(201);
    process.env.RAIO_ALLOWED_ORIGINS = "https://raio.provedor.com.br";
    resetEnvCache();
    const proxied = await call(createSubject, "/api/v1/subjects", {
      cookie: admin.cookie, method: "POST", rawBody: subject("Via proxy"),
      headers: { "content-type": "application/json", origin: "https://raio.provedor.com.br" },
    });
    expect(proxied.status).toBe(201);
  });

  it("the login route is guarded too (no login CSRF), and opens no session", async () => {
    const { user, password } = await createUser("AGENT");
    const before = await db.session.count();
    const res = await call(login, "/api/v1/auth/login", {
      method: "POST", rawBody: JSON.stringify({ email: user.email, password }), headers: { "content-type": "text/plain" },
    });
    expect(res.status).toBe(415);
    const cross = await call(login, "/api/v1/auth/login", {
      method: "POST", rawBody: JSON.stringify({ email: user.email, password }), headers: { "content-type": "application/json", origin: "http://evil.test" },
    });
    expect(cross.status).toBe(403);
    expect(await db.session.count()).toBe(before);
  });
});

describe("Bearer-token clients", () => {
  it("are unaffected: any content type and origin is read as before", async () => {
    const { token } = await createBearer("AGENT");
    const { customer } = await createCustomer();
    const res = await call(contacts, "/api/v1/contacts", {
      token, method: "POST", rawBody: JSON.stringify({ cpf: formatDocument(customer.document), channel: "chat" }),
      headers: { "content-type": "text/plain", origin: "http://integracao.test" },
    });
    expect(res.status).toBe(201);
  });
});
