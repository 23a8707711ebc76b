// The page for an address that does not exist (and for notFound() in any page): Portuguese, status 404.
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Página não encontrada" };

export default function NotFound() {
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <p className="text-5xl font-bold text-slate-300">404</p>
        <h1 className="mt-2 text-xl font-semibold">Página não encontrada</h1>
        <p className="mt-2 text-sm text-slate-600">O endereço não existe ou o registro procurado não foi encontrado.</p>
        <Link href="/" className="mt-6 inline-block rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Voltar ao início
        </Link>
      </div>
    </main>
  );
}
