"use client";
import { useState } from "react";
import { apiFetch, errorMessage } from "@/lib/api-client";
import { Notice } from "@/components/ui/notice";

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    try {
      await apiFetch("/api/v1/auth/login", { method: "POST", json: { email: form.get("email"), password: form.get("password") } });
      window.location.assign("/");
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <label className="block">
        <span className="text-sm font-medium">E-mail</span>
        <input name="email" type="email" autoComplete="username" required autoFocus
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      <label className="block">
        <span className="text-sm font-medium">Senha</span>
        <input name="password" type="password" autoComplete="current-password" required
          className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2" />
      </label>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <button type="submit" disabled={busy}
        className="w-full rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 disabled:opacity-60">
        {busy ? "Entrando…" : "Entrar"}
      </button>
    </form>
  );
}
