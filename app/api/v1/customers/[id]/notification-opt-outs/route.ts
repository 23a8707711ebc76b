// GET /api/v1/customers/{id}/notification-opt-outs – the channels the customer asked not to be told on (LGPD).
// PUT { channels: [WHATSAPP|EMAIL|SMS|WEBHOOK] } – replaces them (agents and admins; audited). The sender checks
// them before every message.
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { idParamSchema } from "@/lib/validation/id";
import { listOptOuts, setOptOuts } from "@/lib/notifications/notification-opt-outs";

export const GET = withAuth<{ id: string }>(
  async (_req, { params }) => Response.json({ optOuts: await listOptOuts(idParamSchema.parse(params).id) }),
  { permission: "clientes.read" },
);

export const PUT = withAuth<{ id: string }>(
  async (req, { principal, params }) => {
    const { id } = idParamSchema.parse(params);
    return Response.json({ optOuts: await setOptOuts(id, await readJson(req), principal) });
  },
  { permission: "contatos.write" },
);
