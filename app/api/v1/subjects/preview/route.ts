// POST /api/v1/subjects/preview – renders a message for a sample customer (nothing is stored)
import { withAuth } from "@/lib/auth/with-auth";
import { previewSubjectMessage } from "@/lib/subjects/preview-subject-message";
import { readJson } from "@/lib/http/read-json";
import { subjectPreviewSchema } from "@/lib/validation/subject";

export const POST = withAuth(async (req) => {
  const input = subjectPreviewSchema.parse(await readJson(req));
  return Response.json(await previewSubjectMessage(input.message, input.subjectName, input.customerId));
}, { permission: "assuntos.write" });
