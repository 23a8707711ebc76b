// POST /api/v1/integrations/erp/test – "Testar conexão": one cheap call to the ERP (the first customer) with
// the saved connection; 200 { ok, message } with the ERP's answer, or 503 with the ERP's own error message.
import { withAuth } from "@/lib/auth/with-auth";
import { unavailable } from "@/lib/errors";
import { openErpConnector } from "@/lib/erp/open-connector";
import { IxcError } from "@/lib/erp/ixc/ixc-client";

export const POST = withAuth(
  async () => {
    const connector = await openErpConnector();
    try {
      return Response.json(await connector.testConnection());
    } catch (err) {
      if (err instanceof IxcError) throw unavailable(`Falha ao falar com o IXC: ${err.message}`, { kind: err.kind, ixcMessage: err.ixcMessage ?? null });
      throw err;
    } finally {
      connector.close();
    }
  },
  { permission: "configuracoes.write" },
);
