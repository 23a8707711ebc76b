// Where one customer's notice goes on one channel, or why it is skipped. Pure: the customer's contacts and
// opt-outs in, an address or a reason out. Skipped is not failed: there was nobody to try.
import { z } from "zod";
import type { NotificationChannel } from "../db";
import { normalizePhone } from "../validation/phone";
import { CHANNEL_LABELS } from "./notification-events";

export interface CustomerContacts {
  customerId: number;
  /** In the customer's order (the first usable one is chosen). */
  phones: readonly string[];
  email: string | null;
  /** The channels the customer opted out of (LGPD). */
  optOuts: readonly NotificationChannel[];
}

export type RecipientChoice = { ok: true; address: string } | { ok: false; reason: string };

const email = z.email();

/** A stored phone as E.164 ("+5519998765432"), or null when it is not a valid Brazilian number. */
export function toE164(phone: string): { e164: string; mobile: boolean } | null {
  const parsed = normalizePhone(phone);
  return parsed.ok ? { e164: `+${parsed.phone}`, mobile: parsed.kind === "celular" } : null;
}

export function chooseRecipient(channel: NotificationChannel, contacts: CustomerContacts): RecipientChoice {
  if (contacts.optOuts.includes(channel)) return { ok: false, reason: `o cliente pediu para não receber avisos por ${CHANNEL_LABELS[channel]}` };
  switch (channel) {
    case "WHATSAPP":
    case "SMS": {
      // WhatsApp and SMS reach mobiles only; a landline is not a usable contact for them.
      for (const phone of contacts.phones) {
        const number = toE164(phone);
        if (number?.mobile) return { ok: true, address: number.e164 };
      }
      return { ok: false, reason: contacts.phones.length === 0 ? "sem telefone cadastrado" : "sem celular válido" };
    }
    case "EMAIL": {
      const address = contacts.email?.trim() ?? "";
      if (address === "") return { ok: false, reason: "sem e-mail cadastrado" };
      return email.safeParse(address).success ? { ok: true, address } : { ok: false, reason: `e-mail inválido: ${address}` };
    }
    case "WEBHOOK":
      return { ok: true, address: `cliente:${contacts.customerId}` };
  }
}
