import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/current-user";
import { AccessDenied } from "@/components/ui/access-denied";
import { listSubjects } from "@/lib/subjects/list-subjects";
import { MESSAGE_VARIABLES } from "@/lib/subjects/preview-subject-message";
import { SubjectsEditor } from "./_components/subjects-editor";

export const metadata: Metadata = { title: "Assuntos" };

export default async function SubjectsPage() {
  const { allowed } = await requirePermission("assuntos.write");
  if (!allowed) return <AccessDenied />;
  const subjects = await listSubjects({ includeRetired: true });
  return (
    <div className="mx-auto max-w-5xl">
      <h1 className="text-2xl font-semibold">Assuntos</h1>
      <p className="text-slate-600">
        A <strong>Mensagem de Retorno de OS de Manutenção em Massa</strong> do assunto é enviada automaticamente aos clientes
        de uma região cuja OS está Em Execução. Mantenha um assunto exclusivo para manutenção.
      </p>
      <SubjectsEditor
        variables={MESSAGE_VARIABLES}
        initial={subjects.map((s) => ({
          id: s.id, name: s.name, maintenanceMessage: s.maintenanceMessage, isMaintenance: s.isMaintenance,
          discountRule: s.discountRule, retired: s.retiredAt !== null, orders: s._count.orders,
        }))}
      />
    </div>
  );
}
