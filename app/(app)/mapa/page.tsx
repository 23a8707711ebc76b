import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/auth/roles";
import { AccessDenied } from "@/components/ui/access-denied";
import { getEnv } from "@/lib/env";
import { getSettings } from "@/lib/settings/get-settings";
import { db } from "@/lib/db";
import { MaintenanceMapLoader } from "@/components/map/maintenance-map-loader";

export const metadata: Metadata = { title: "Mapa" };

// The demo city's centre (Campinas, SP) as [lat, lng]; the map opens there.
const CITY_CENTER: [number, number] = [-22.9056, -47.0608];

export default async function MapPage() {
  const { user, allowed } = await requirePermission("mapa.read");
  if (!allowed) return <AccessDenied />;
  const env = getEnv(); // read per request: RAIO_TILE_URL is run-time configuration, not build-time
  const [settings, subjects] = await Promise.all([
    getSettings(),
    db.subject.findMany({
      where: { retiredAt: null },
      orderBy: [{ isMaintenance: "desc" }, { name: "asc" }],
      select: { id: true, name: true, isMaintenance: true },
    }),
  ]);
  return (
    <div>
      <h1 className="sr-only">Mapa de manutenção</h1>
      <MaintenanceMapLoader
        tileUrl={env.RAIO_TILE_URL}
        tileAttribution={env.RAIO_TILE_ATTRIBUTION}
        canWrite={can(user.role, "ordens.write")}
        maxAreaKm2={settings.maxRegionAreaKm2}
        subjects={subjects}
        center={CITY_CENTER}
      />
    </div>
  );
}
