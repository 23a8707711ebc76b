"use client";
// The transitions an order allows now, as buttons (admins only; the API checks again). Each one asks for
// confirmation first, saying what it sets off: Executar names the customers and logins inside the region
// and what they will be sent; Cancelar says what stops.
import { useState } from "react";
import { useRouter } from "next/navigation";
import type { OrderStatusValue } from "@/lib/validation/order";
import type { OrderExecutionDescription } from "@/lib/orders/describe-order-execution";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { formatInteger } from "@/lib/format/number";
import { ACTION_LABEL, ACTIONS_BY_STATUS, runOrderAction, type OrderAction } from "./order-actions";

export function OrderActionButtons({ orderId, orderNumber, status, execution, exclude = [] }: {
  orderId: number;
  orderNumber: number;
  status: OrderStatusValue;
  /** What Executar sets off (loaded by the page while the order is Aberta). */
  execution: OrderExecutionDescription | null;
  exclude?: OrderAction[];
}) {
  const router = useRouter();
  const [asking, setAsking] = useState<OrderAction | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const actions = ACTIONS_BY_STATUS[status].filter((a) => !exclude.includes(a));
  if (actions.length === 0) return null;

  async function run(action: OrderAction) {
    setBusy(true);
    setError(null);
    try {
      await runOrderAction(orderId, action);
      setAsking(null);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      router.refresh();
    }
  }

  function close() {
    setAsking(null);
    setError(null);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      {actions.map((a) => (
        <Button key={a} variant={a === "cancel" ? "danger" : "primary"} disabled={busy} onClick={() => setAsking(a)}>
          {ACTION_LABEL[a]}
        </Button>
      ))}
      <ConfirmDialog
        open={asking !== null}
        title={asking === "execute" ? `Executar a OS ${orderNumber}?` : asking === "cancel" ? `Cancelar a OS ${orderNumber}?` : `Finalizar a OS ${orderNumber}?`}
        confirmLabel={asking === "execute" ? "Executar agora" : asking === "cancel" ? "Cancelar a OS" : "Finalizar"}
        confirmVariant={asking === "cancel" ? "danger" : "primary"}
        busy={busy}
        error={error}
        onConfirm={() => asking && void run(asking)}
        onCancel={close}>
        {asking === "execute" ? <ExecuteConsequences execution={execution} /> : null}
        {asking === "cancel" ? <CancelConsequences executing={status === "EM_EXECUCAO"} webhookHost={execution?.webhookHost ?? null} /> : null}
        {asking === "finalize" ? <p>As notificações aos clientes da região param. Esta ação não pode ser desfeita.</p> : null}
      </ConfirmDialog>
    </div>
  );
}

function ExecuteConsequences({ execution }: { execution: OrderExecutionDescription | null }) {
  if (!execution) return <p>A OS entra em execução e os clientes da região passam a receber a mensagem de manutenção.</p>;
  return (
    <>
      <p data-testid="execute-affected">
        <strong>{formatInteger(execution.customers)} cliente(s)</strong> e <strong>{formatInteger(execution.logins)} login(s)</strong> dentro
        da região passam a constar como afetados.
      </p>
      {execution.subject.message ? (
        <div>
          <p>Quem entrar em contato com o suporte recebe a mensagem do assunto “{execution.subject.name}” (as variáveis são preenchidas para cada cliente):</p>
          <blockquote data-testid="execute-message" className="mt-1 whitespace-pre-line rounded border-l-4 border-brand-500 bg-slate-50 p-2 text-slate-800">
            {execution.subject.message}
          </blockquote>
        </div>
      ) : (
        <p data-testid="execute-message">O assunto “{execution.subject.name}” não tem mensagem de manutenção: nenhuma mensagem automática será enviada.</p>
      )}
      <p data-testid="execute-webhook">
        {execution.webhookHost
          ? <>O webhook configurado (<strong>{execution.webhookHost}</strong>) recebe o evento “order.started”.</>
          : "Nenhum webhook configurado: nenhum sistema externo é avisado."}
      </p>
    </>
  );
}

function CancelConsequences({ executing, webhookHost }: { executing: boolean; webhookHost: string | null }) {
  return (
    <>
      <p>
        {executing
          ? "A manutenção deixa de valer: os clientes da região deixam de receber a mensagem de manutenção e nenhum desconto por inatividade é aplicado."
          : "A OS é encerrada sem ter sido executada: nenhum cliente recebe mensagem e nenhum desconto é aplicado."}
      </p>
      {webhookHost ? <p>O webhook configurado (<strong>{webhookHost}</strong>) recebe o evento “order.ended”.</p> : null}
      <p className="font-medium text-red-800">Esta ação não pode ser desfeita.</p>
    </>
  );
}
