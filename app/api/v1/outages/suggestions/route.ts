// GET /api/v1/outages/suggestions – suggested maintenance regions from the logins that went offline recently
//   200 { generatedAt, params, suggestions: [{ polygon, hull, bbox, iconPoint, areaM2, offlineCount, totalInArea,
//         offlineShare, firstOfflineAt, lastOfflineAt, offlineLoginIds, overlaps: [{ orderId, number, message }],
//         coveredBy: { orderId, number, status, loginsCovered } | null, loginsInArea, offlineBeforeCount }] }
//   (what each count means: lib/outages/suggest-outages.ts)
import { withAuth } from "@/lib/auth/with-auth";
import { suggestOutages } from "@/lib/outages/suggest-outages";

export const GET = withAuth(async () => Response.json(await suggestOutages()), { permission: "ordens.read" });
