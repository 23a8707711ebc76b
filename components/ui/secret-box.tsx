"use client";
// A secret shown once (a new API token, a webhook signing secret), with a copy button: the server keeps
// only its hash, so this is the only moment anyone can read it.
import { useState } from "react";
import { Button } from "./button";
import { Notice } from "./notice";

export function SecretBox({ label, secret, testId }: { label: string; secret: string; testId?: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission (or plain http): the text stays selectable
    }
  }
  return (
    <Notice tone="warning" className="space-y-2 p-3">
      <p className="font-medium">Copie {label} agora: ele não será mostrado de novo.</p>
      <div className="flex flex-wrap items-center gap-2">
        <code data-testid={testId} className="min-w-0 flex-1 break-all rounded bg-white px-2 py-1">{secret}</code>
        <Button variant="secondary" onClick={() => void copy()}>{copied ? "Copiado" : "Copiar"}</Button>
      </div>
      {copied === false ? <p className="text-xs">Não foi possível copiar automaticamente: selecione o texto e copie.</p> : null}
    </Notice>
  );
}
