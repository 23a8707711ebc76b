"use client";
// A page that failed to render (the database out of reach, most often): a Portuguese message and a retry,
// instead of Next's English "Application error". The details stay in the server's log.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-full items-center justify-center p-6">
      <div role="alert" className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">Não foi possível carregar esta página</h1>
        <p className="mt-2 text-sm text-slate-600">
          O servidor ou o banco de dados pode estar indisponível no momento. Tente de novo em instantes.
        </p>
        <button type="button" onClick={reset} className="mt-6 rounded bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Tentar de novo
        </button>
      </div>
    </main>
  );
}
