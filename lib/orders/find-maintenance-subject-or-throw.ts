// The subject of a new order: the one asked for, or the provider's dedicated maintenance subject.
import { db } from "../db";
import { badRequest } from "../errors";

export async function findMaintenanceSubjectOrThrow(subjectId?: number): Promise<{ id: number; name: string }> {
  if (subjectId !== undefined) {
    const s = await db.subject.findUnique({ where: { id: subjectId }, select: { id: true, name: true, retiredAt: true } });
    if (!s || s.retiredAt) throw badRequest(`Assunto ${subjectId} não existe ou foi desativado.`, "subjectId");
    return { id: s.id, name: s.name };
  }
  const s = await db.subject.findFirst({
    where: { isMaintenance: true, retiredAt: null },
    orderBy: { id: "asc" },
    select: { id: true, name: true },
  });
  if (!s) throw badRequest("Nenhum assunto de manutenção cadastrado: escolha um assunto.", "subjectId");
  return s;
}
