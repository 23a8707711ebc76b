// Creates or edits a subject and its mass-maintenance return message, audited in the same transaction.
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { badRequest, notFound } from "../errors";
import { subjectInputSchema, subjectPatchSchema } from "../validation/subject";

function requireMessageForMaintenance(isMaintenance: boolean | undefined, message: string | null | undefined) {
  if (isMaintenance && !message) {
    throw badRequest("Assunto de manutenção precisa da mensagem de retorno de OS de manutenção em massa.", "maintenanceMessage");
  }
}

export async function createSubject(input: unknown, principal: Principal) {
  const data = subjectInputSchema.parse(input);
  requireMessageForMaintenance(data.isMaintenance, data.maintenanceMessage);
  return db.$transaction(async (tx) => {
    const subject = await tx.subject.create({ data });
    await recordAudit(tx, principal, "subject.create", { type: "Subject", id: subject.id }, data as Prisma.InputJsonValue);
    return subject;
  });
}

export async function updateSubject(id: number, input: unknown, principal: Principal) {
  const patch = subjectPatchSchema.parse(input);
  return db.$transaction(async (tx) => {
    const current = await tx.subject.findUnique({ where: { id } });
    if (!current) throw notFound(`Assunto ${id} não encontrado.`);
    requireMessageForMaintenance(patch.isMaintenance ?? current.isMaintenance, patch.maintenanceMessage === undefined ? current.maintenanceMessage : patch.maintenanceMessage);
    const subject = await tx.subject.update({ where: { id }, data: patch });
    await recordAudit(tx, principal, "subject.update", { type: "Subject", id }, patch as Prisma.InputJsonValue);
    return subject;
  });
}

/** Retired subjects stay on their orders but are no longer offered for new ones. */
export async function setSubjectRetired(id: number, retired: boolean, principal: Principal) {
  return db.$transaction(async (tx) => {
    const res = await tx.subject.updateMany({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
    if (res.count === 0) throw notFound(`Assunto ${id} não encontrado.`);
    await recordAudit(tx, principal, retired ? "subject.retire" : "subject.restore", { type: "Subject", id });
    return tx.subject.findUniqueOrThrow({ where: { id } });
  });
}
