export default function Loading() {
  return <p className="mx-auto max-w-5xl text-slate-500" role="status">Carregando…</p>;
}
