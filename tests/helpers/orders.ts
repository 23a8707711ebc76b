// Orders with regions for tests, made through the real services (one transaction each).
import { db } from "@/lib/db";
import type { Principal } from "@/lib/auth/principal";
import { createRegionWithOrder } from "@/lib/orders/create-region-with-order";
import { executeOrder } from "@/lib/orders/order-transitions";

/** A square [lng, lat] ring around a centre, `half` degrees from it on each side. */
export function square(lng: number, lat: number, half: number): number[][] {
  return [
    [lng - half, lat - half], [lng + half, lat - half], [lng + half, lat + half], [lng - half, lat + half], [lng - half, lat - half],
  ];
}

export async function ensureMaintenanceSubject(message = "Olá {{nome}}, manutenção na OS {{os}}; previsão {{previsao}}.") {
  return (
    (await db.subject.findFirst({ where: { isMaintenance: true, retiredAt: null } })) ??
    db.subject.create({ data: { name: `Manutenção ${Date.now()}`, isMaintenance: true, maintenanceMessage: message } })
  );
}


export async function createOrderAt(ring: number[][], opts: { execute?: boolean; principal?: Principal; subjectId?: number } = {}) {
  const subject = opts.subjectId ? { id: opts.subjectId } : await ensureMaintenanceSubject();
  const principal = opts.principal ?? (await adminPrincipal());
  const created = await createRegionWithOrder(
    {
      subjectId: subject.id,
      description: "Manutenção de teste",
      expectedEndAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
      region: { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [ring] } },
    },
    principal,
  );
  if (opts.execute) await executeOrder(created.order.id, principal);
  return created;
}

async function adminPrincipal(): Promise<Principal> {
  const user =
    (await db.user.findFirst({ where: { role: "ADMIN" } })) ??
    (await db.user.create({ data: { email: `admin-ordens-${Date.now()}@teste.local`, name: "Admin de teste", role: "ADMIN", passwordHash: "x" } }));
  return { kind: "user", userId: user.id, role: "ADMIN", name: user.name, email: user.email };
}
