export function AccessDenied() {
  return (
    <div role="alert" className="mx-auto mt-16 max-w-lg rounded-lg border border-red-200 bg-white p-8 text-center shadow-sm">
      <h1 className="text-xl font-semibold text-red-700">Acesso negado</h1>
      <p className="mt-2 text-slate-600">Seu perfil não tem permissão para abrir esta página.</p>
      <a href="/" className="mt-4 inline-block text-brand-600 underline">Voltar ao início</a>
    </div>
  );
}
