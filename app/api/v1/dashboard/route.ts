// GET /api/v1/dashboard – the manager's figures (?from=AAAA-MM-DD&to=AAAA-MM-DD)
import { withAuth } from "@/lib/auth/with-auth";
import { getDashboard } from "@/lib/dashboard/get-dashboard";
import { dashboardQuerySchema } from "@/lib/validation/dashboard";

export const GET = withAuth(
  async (req) => Response.json(await getDashboard(dashboardQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams)))),
  { permission: "painel.read" },
);
