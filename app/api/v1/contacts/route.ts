// POST /api/v1/contacts – a customer reached support: records the contact and answers with the
// maintenance message when they are inside a region whose order is Em Execução (null otherwise).
// Body: { cpf | phone | customerId, channel, text? }. 300 AMBIGUOUS when a phone is shared.
import { withAuth } from "@/lib/auth/with-auth";
import { recordContact } from "@/lib/contacts/record-contact";
import { readJson } from "@/lib/http/read-json";

// Contact bodies are small: a chat message at most.
const MAX_CONTACT_BYTES = 16 * 1024;

export const POST = withAuth(
  async (req, { principal }) => Response.json(await recordContact(await readJson(req, MAX_CONTACT_BYTES), principal), { status: 201 }),
  { permission: "contatos.write", idempotent: { maxBytes: MAX_CONTACT_BYTES } },
);
