// Actions that happen in the ERP first. For a contract or invoice that came from the ERP (it has an external
// id and an ERP connection is configured), Raio asks the ERP and its own record follows the ERP's answer,
// never the other way round. ERP refusals map onto the messages Raio gives for the same situation; an ERP
// that cannot be reached is a 503 (nothing changes in Raio).
import { AppError, notFound, unavailable } from "../errors";
import { ALREADY_ACTIVE_REASON, NOT_ELIGIBLE_REASON } from "../diagnostics/decide-trust-unlock";
import type { ErpConnector, InvoiceCopy as ErpInvoiceCopy } from "./connector";
import { getErpConnection, isErpConfigured } from "./erp-connection";
import { IxcError } from "./ixc/ixc-client";
import { openErpConnector } from "./open-connector";

/** The ERP to act in, or null when none is configured (Raio acts on its own copy, as before). */
export async function erpForActions(externalId: string | null): Promise<ErpConnector | null> {
  if (!externalId) return null;
  if (!isErpConfigured(await getErpConnection())) return null;
  return openErpConnector();
}

function unreachable(err: unknown): never {
  if (err instanceof IxcError) throw unavailable(`ERP indisponível: ${err.message}. Nada foi alterado; tente de novo.`);
  throw err;
}

/** Asks the ERP to unlock; returns its confirmation or throws the mapped 404/409 (503 when unreachable). */
export async function trustUnlockInErpOrThrow(connector: ErpConnector, contractId: number, externalId: string): Promise<string> {
  const answer = await connector.trustUnlock(externalId).catch(unreachable);
  if (answer.ok) return answer.message;
  switch (answer.reason) {
    case "not-found": // IXC 106
      throw notFound(`Contrato ${contractId} não encontrado no ERP (código ${externalId}).`);
    case "already-unlocked": // IXC 107
      throw new AppError("CONFLICT", ALREADY_ACTIVE_REASON, { details: { reason: "ACCESS_NOT_BLOCKED", erpCode: answer.code } });
    case "not-allowed": // IXC 109
      throw new AppError("CONFLICT", NOT_ELIGIBLE_REASON, { details: { reason: "NOT_ELIGIBLE", erpCode: answer.code } });
    default:
      throw new AppError("CONFLICT", `O ERP recusou o desbloqueio: ${answer.message}`, { details: { reason: "ERP_REFUSED", erpCode: answer.code } });
  }
}

/** The invoice as the ERP issues it now (payable line, PIX, PDF). */
export async function invoiceFromErpOrThrow(connector: ErpConnector, externalId: string): Promise<ErpInvoiceCopy> {
  return connector.openInvoice(externalId).catch(unreachable);
}
