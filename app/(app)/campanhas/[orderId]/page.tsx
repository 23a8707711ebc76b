// /campanhas/{orderId} – the outbound campaign of an executing order (phones and rendered messages).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/current-user";
import { AccessDenied } from "@/components/ui/access-denied";
import { AppError } from "@/lib/errors";
import { buildCampaign, type Campaign } from "@/lib/notifications/build-campaign";
import { idSchema } from "@/lib/validation/id";
import { campaignPageSchema } from "@/lib/validation/order";
import { CampaignPanel } from "@/components/notifications/campaign-panel";

export const metadata: Metadata = { title: "Campanha de aviso" };

type Loaded = { campaign: Campaign } | { refused: string } | null;

async function load(id: string, page: number): Promise<Loaded> {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) return null;
  try {
    return { campaign: await buildCampaign(parsed.data, { page }) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") return null;
    if (err instanceof AppError && err.code === "CONFLICT") return { refused: err.message };
    throw err;
  }
}

export default async function CampaignPage({ params, searchParams }: { params: Promise<{ orderId: string }>; searchParams: Promise<{ pagina?: string }> }) {
  const { allowed } = await requirePermission("ordens.read");
  if (!allowed) return <AccessDenied />;
  const { orderId } = await params;
  // ?pagina=N: a bad value shows the first page.
  const page = campaignPageSchema.catch(1).parse((await searchParams).pagina);
  const loaded = await load(orderId, page);
  if (!loaded) notFound();
  return (
    <div className="mx-auto max-w-6xl space-y-5">
      <div className="flex flex-wrap items-center gap-3">
        <a href={`/ordens/${orderId}`} className="text-sm text-slate-600 underline">← Ordem de serviço</a>
        <h1 className="text-2xl font-semibold">
          {"campaign" in loaded ? `Campanha da OS ${loaded.campaign.order.number}` : "Campanha de aviso"}
        </h1>
      </div>
      {"campaign" in loaded ? <CampaignPanel campaign={loaded.campaign} /> : <p className="text-slate-700">{loaded.refused}</p>}
    </div>
  );
}
