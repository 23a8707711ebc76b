// POST /api/v1/subjects/preview – renders a message for a sample customer (nothing is stored)
import { z } from "zod";
import { withAuth } from "@/lib/auth/with-auth";
import { previewSubjectMessage } from "@/lib/subjects/preview-subject-message";
import { readJson } from "@/lib/http/read-json";
import { idSchema } from "@/lib/validation/id";

const previewSchema = z.object({
  message: z.string().max(2000, "mensagem com no máximo 2.000 caracteres"),
  subjectName: z.string().max(120).default("Manutenção"),
  customerId: idSchema.optional(),
});

export const POST = withAuth(async (req) => {
  const input = previewSchema.parse(await readJson(req));
  return Response.json(await previewSubjectMessage(input.message, input.subjectName, input.customerId));
}, { permission: "assuntos.write" });
