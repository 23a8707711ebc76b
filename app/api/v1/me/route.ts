// GET /api/v1/me – who is calling (also the trivial authenticated route of the API benchmark)
import { withAuth } from "@/lib/auth/with-auth";

export const GET = withAuth(async (_req, { principal }) => Response.json({ principal }));
