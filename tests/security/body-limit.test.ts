// Issue 11 item 4: a chunked body (no Content-Length) was read whole before its size was checked: 300 MB
// sent to the unauthenticated login route took a worker from 247 MB to 1 GB. Bytes are now counted while
// streaming and reading stops at the limit.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { POST as login } from "@/app/api/v1/auth/login/route";
import { POST as contacts } from "@/app/api/v1/contacts/route";
import { MAX_JSON_BYTES } from "@/lib/http/read-json";
import { createBearer } from "../helpers/factory";

const CHUNK = 64 * 1024;

/** A chunked upload of `totalBytes` that records how much of it the server pulled. */
function endlessBody(totalBytes: number) {
  let sent = 0;
  const chunk = new TextEncoder().encode("x".repeat(CHUNK));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => sent };
}

function chunkedRequest(path: string, stream: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(new URL(path, "http://localhost:3000"), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: stream,
    duplex: "half",
  } as RequestInit);
}

describe("bodies are limited while they stream", () => {
  it("the login route stops reading a 300 MB chunked body at its limit and answers 413", async () => {
    const body = endlessBody(300 * 1024 * 1024);
    const res = await login(chunkedRequest("/api/v1/auth/login", body.stream));
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    // Far less than the body was read: the limit (a few KB) plus the chunks in flight.
    expect(body.pulled()).toBeLessThan(4 * CHUNK);
  });

  it("an API write stops at its limit too, with a token, and stores nothing", async () => {
    const { token } = await createBearer("AGENT");
    const before = await db.contact.count();
    const body = endlessBody(50 * 1024 * 1024);
    const res = await contacts(chunkedRequest("/api/v1/contacts", body.stream, { authorization: `Bearer ${token}` }));
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThan(MAX_JSON_BYTES);
    expect(await db.contact.count()).toBe(before);
  });

  it("a Content-Length above the limit is refused without reading", async () => {
    const body = endlessBody(10 * 1024 * 1024);
    const res = await login(chunkedRequest("/api/v1/auth/login", body.stream, { "content-length": String(10 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(body.pulled()).toBeLessThanOrEqual(2 * CHUNK);
  });
});
