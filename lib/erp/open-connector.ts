// The connector of the configured ERP connection (Settings → Integrações), token decrypted for this use only.
import type { ErpConnector } from "./connector";
import { loadErpCredentialsOrThrow } from "./erp-connection";
import { DEFAULT_PAGE_SIZE } from "./ixc/ixc-client";
import { IxcConnector } from "./ixc/ixc-connector";

/** Rows per page asked of the ERP (RAIO_IXC_PAGE_SIZE, default 500: IXC's usual page). */
function pageSize(): number {
  const n = Number(process.env.RAIO_IXC_PAGE_SIZE ?? DEFAULT_PAGE_SIZE);
  return Number.isInteger(n) && n > 0 ? n : DEFAULT_PAGE_SIZE;
}

export async function openErpConnector(): Promise<ErpConnector> {
  const c = await loadErpCredentialsOrThrow();
  return new IxcConnector({ baseUrl: c.baseUrl, userId: c.userId, token: c.token, allowSelfSigned: c.allowSelfSigned, pageSize: pageSize() });
}
