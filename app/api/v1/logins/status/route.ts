// POST /api/v1/logins/status – a batch of login online/offline changes from RADIUS accounting or monitoring
//   auth: Bearer token (or session) with role ADMIN or AGENT (permission logins.status)
//   body: { events: [{ login: "username", online: true|false, at: "2026-11-23T15:00:00Z" }] }  (1..5,000 events)
//   200 { updated, ignored, unknown: [usernames] }; 400 naming the bad field; 413 above 1 MiB.
//   Idempotent: events older than the login's last change are ignored, and replaying a batch changes nothing.
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { applyLoginStatus } from "@/lib/outages/apply-login-status";
import { loginStatusBatchSchema, MAX_STATUS_BODY_BYTES } from "@/lib/validation/login-status";

export const POST = withAuth(
  async (req, { principal }) => {
    const { events } = loginStatusBatchSchema.parse(await readJson(req, MAX_STATUS_BODY_BYTES));
    return Response.json(await applyLoginStatus(events, principal));
  },
  { permission: "logins.status", idempotent: { maxBytes: MAX_STATUS_BODY_BYTES } },
);
