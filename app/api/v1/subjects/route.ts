// GET /api/v1/subjects – subjects (?retired=1 includes retired ones)
// POST /api/v1/subjects – creates a subject with its mass-maintenance return message (admin)
import { withAuth } from "@/lib/auth/with-auth";
import { listSubjects } from "@/lib/subjects/list-subjects";
import { createSubject } from "@/lib/subjects/save-subject";
import { readJson } from "@/lib/http/read-json";
import { subjectsQuerySchema } from "@/lib/validation/subject";

export const GET = withAuth(async (req) => {
  const includeRetired = subjectsQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams)).retired === "1";
  return Response.json({ subjects: await listSubjects({ includeRetired }) });
});

export const POST = withAuth(
  async (req, { principal }) => Response.json({ subject: await createSubject(await readJson(req), principal) }, { status: 201 }),
  { permission: "assuntos.write", idempotent: true },
);
