import { describe, expect, test } from "vitest";
import { chooseRecipient, toE164, type CustomerContacts } from "./choose-recipient";

const base: CustomerContacts = { customerId: 7, phones: [], email: null, optOuts: [] };

describe("chooseRecipient", () => {
  test.each([
    { label: "a mobile in any format, as E.164", channel: "WHATSAPP", c: { phones: ["(19) 99876-5432"] }, out: { ok: true, address: "+5519998765432" } },
    { label: "a mobile stored without its ninth digit", channel: "SMS", c: { phones: ["1998765432"] }, out: { ok: true, address: "+5519998765432" } },
    { label: "the first mobile after a landline", channel: "SMS", c: { phones: ["551932321234", "5519998765432"] }, out: { ok: true, address: "+5519998765432" } },
    { label: "only a landline: skipped", channel: "WHATSAPP", c: { phones: ["551932321234"] }, out: { ok: false, reason: "sem celular válido" } },
    { label: "no phone: skipped", channel: "SMS", c: {}, out: { ok: false, reason: "sem telefone cadastrado" } },
    { label: "an e-mail", channel: "EMAIL", c: { email: " maria@exemplo.com.br " }, out: { ok: true, address: "maria@exemplo.com.br" } },
    { label: "no e-mail: skipped", channel: "EMAIL", c: {}, out: { ok: false, reason: "sem e-mail cadastrado" } },
    { label: "a broken e-mail: skipped", channel: "EMAIL", c: { email: "maria@" }, out: { ok: false, reason: "e-mail inválido: maria@" } },
    { label: "the webhook always has the customer", channel: "WEBHOOK", c: {}, out: { ok: true, address: "cliente:7" } },
  ] as const)("$label", ({ channel, c, out }) => {
    expect(chooseRecipient(channel, { ...base, ...c })).toEqual(out);
  });

  test("an opt-out wins over a usable contact, on that channel only", () => {
    const c = { ...base, phones: ["5519998765432"], email: "a@b.com", optOuts: ["WHATSAPP" as const] };
    expect(chooseRecipient("WHATSAPP", c)).toEqual({ ok: false, reason: "o cliente pediu para não receber avisos por WhatsApp (Opa! Suite)" });
    expect(chooseRecipient("SMS", c)).toEqual({ ok: true, address: "+5519998765432" });
  });

  test("toE164 refuses what is not a Brazilian phone", () => {
    expect(toE164("123")).toBeNull();
    expect(toE164("+55 19 3232-1234")).toEqual({ e164: "+551932321234", mobile: false });
  });
});
