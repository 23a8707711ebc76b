import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/current-user";
import { AccessDenied } from "@/components/ui/access-denied";
import { describeErpConnection, getErpConnection } from "@/lib/erp/erp-connection";
import { IntegrationPanel } from "./_components/integration-panel";

export const metadata: Metadata = { title: "Integrações" };

export default async function IntegrationsPage() {
  const { allowed } = await requirePermission("configuracoes.write");
  if (!allowed) return <AccessDenied />;
  const connection = describeErpConnection(await getErpConnection());
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <p className="text-sm"><Link href="/configuracoes" className="text-brand-600 underline">← Configurações</Link></p>
      <h1 className="text-2xl font-semibold">Integrações: IXC Provedor</h1>
      <IntegrationPanel initial={connection} />
    </div>
  );
}
