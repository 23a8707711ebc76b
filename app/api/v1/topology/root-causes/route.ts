// GET /api/v1/topology/root-causes – FTTH elements whose logins went offline together (docs/topologia.md),
// ranked; shown beside the geometric outage suggestions (GET /api/v1/outages/suggestions).
import { withAuth } from "@/lib/auth/with-auth";
import { findRootCauses } from "@/lib/topology/find-root-causes";

export const GET = withAuth(async () => Response.json(await findRootCauses()), { permission: "ordens.read" });
