import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Entrar" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ expirada?: string }> }) {
  if (await currentUser()) redirect("/");
  const { expirada } = await searchParams;
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="mb-6 flex items-center gap-2">
          <span aria-hidden className="text-3xl">⚡</span>
          <div>
            <h1 className="text-2xl font-bold tracking-tight">Raio</h1>
            <p className="text-sm text-slate-500">Painel do provedor</p>
          </div>
        </div>
        {expirada ? (
          <p role="status" className="mb-4 rounded bg-amber-50 p-2 text-sm text-amber-800">Sua sessão expirou. Entre novamente.</p>
        ) : null}
        <LoginForm />
      </div>
    </main>
  );
}
