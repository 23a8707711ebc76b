// POST /api/v1/notifications/channels/{whatsapp|email|sms|webhook}/test – { to, whatsappTemplateId? }: one
// attempt now with the saved configuration ("Enviar teste"). 200 { result: { ok, permanent?, answer } } with the
// provider's answer; 400 when the channel is off or incomplete or the address is invalid (admin).
import { z } from "zod";
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { notificationChannelSchema } from "@/lib/validation/notifications";
import { sendTestNotice } from "@/lib/notifications/send-test-notice";

const paramsSchema = z.object({ channel: z.string().transform((c) => c.toUpperCase()).pipe(notificationChannelSchema) });

export const POST = withAuth<{ channel: string }>(
  async (req, { params }) => {
    const { channel } = paramsSchema.parse(params);
    return Response.json({ result: await sendTestNotice(channel, await readJson(req)) });
  },
  { permission: "configuracoes.write" },
);
