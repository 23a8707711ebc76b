import { describe, expect, it } from "vitest";
import { errorResponse } from "../errors";
import { readBodyBytes } from "./read-body";

/** A request whose body stream fails after one chunk, the way Node's does when the client hangs up mid-upload. */
function droppedUpload(): Request {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"cpf":"123'));
      controller.error(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    },
  });
  return new Request("http://raio.test/api/v1/contacts", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("readBodyBytes", () => {
  it("reads a whole body", async () => {
    const req = new Request("http://raio.test/x", { method: "POST", body: "olá" });
    expect(new TextDecoder().decode(await readBodyBytes(req, 100))).toBe("olá");
  });

  it("a client that hangs up mid-body gets a 400 naming that, not the database's 503", async () => {
    const err = await readBodyBytes(droppedUpload(), 1024).catch((e: unknown) => e);
    const res = errorResponse(err);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("INCOMPLETE_BODY");
    expect(body.error.message).toMatch(/conexão foi encerrada/);
  });
});
