// PATCH /api/v1/subjects/{id} – edits a subject; { retired: true|false } retires or restores it (admin)
import { withAuth } from "@/lib/auth/with-auth";
import { setSubjectRetired, updateSubject } from "@/lib/subjects/save-subject";
import { readJson } from "@/lib/http/read-json";
import { idParamSchema } from "@/lib/validation/id";
import { subjectRetireSchema } from "@/lib/validation/subject";

export const PATCH = withAuth<{ id: string }>(
  async (req, { principal, params }) => {
    const { id } = idParamSchema.parse(params);
    const body = await readJson(req);
    const retire = subjectRetireSchema.safeParse(body);
    const subject = retire.success ? await setSubjectRetired(id, retire.data.retired, principal) : await updateSubject(id, body, principal);
    return Response.json({ subject });
  },
  { permission: "assuntos.write" },
);
