import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { AccessDenied } from "@/components/ui/access-denied";
import { CustomerSearch } from "./_components/customer-search";

export const metadata: Metadata = { title: "Clientes" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { allowed } = await requirePermission("clientes.read");
  if (!allowed) return <AccessDenied />;
  const q = (await searchParams).q;
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-semibold">Clientes</h1>
      <CustomerSearch initialQuery={typeof q === "string" ? q : ""} />
    </div>
  );
}
