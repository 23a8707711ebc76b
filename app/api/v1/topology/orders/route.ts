// POST /api/v1/topology/orders – "Criar OS para este equipamento": an OS de Estrutura for a CTO, PON or OLT
//   body: { element: { kind: "CTO"|"PON"|"OLT", id }, subjectId?, description, expectedEndAt?, responsible?,
//           planned?, announcedAt?, fromSuggestion?: { offlineLoginIds } }  (from a root-cause suggestion)
//   201 { order, region, warnings, equipment, loginCount } — the affected logins are exactly the element's.
import { withAuth } from "@/lib/auth/with-auth";
import { readJson } from "@/lib/http/read-json";
import { createEquipmentOrder } from "@/lib/topology/create-equipment-order";
import { kickNotifications } from "@/lib/notifications/notification-workers";

export const POST = withAuth(
  async (req, { principal }) => {
    const created = await createEquipmentOrder(await readJson(req), principal);
    if (created.fromSuggestion) void kickNotifications();
    return Response.json(created, { status: 201 });
  },
  { permission: "ordens.write", idempotent: true },
);
