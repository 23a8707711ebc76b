// /docs/api – the API reference for integrators, rendered on the server from the same OpenAPI document
// GET /api/v1/openapi.json serves (no script, no CDN: it works offline and behind any firewall). Public.
import type { Metadata } from "next";
import { describeAccess, getOpenApiDocument } from "@/lib/openapi/build-openapi-document";
import { ROUTES } from "@/lib/openapi/paths";
import { SchemaView, TypeLink, schemaAnchor, type Schema } from "./_components/schema-view";

export const metadata: Metadata = { title: "API para integradores" };

const METHOD_CLASS: Record<string, string> = {
  get: "bg-emerald-100 text-emerald-800",
  post: "bg-blue-100 text-blue-800",
  put: "bg-amber-100 text-amber-800",
  patch: "bg-violet-100 text-violet-800",
  delete: "bg-rose-100 text-rose-800",
};

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: Schema };
type Operation = {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
};

const anchor = (method: string, path: string) => `${method}-${path.replace(/[^a-z0-9]+/gi, "-")}`;

export default function ApiDocsPage() {
  const doc = getOpenApiDocument();
  const tags = [...new Set(ROUTES.map((r) => r.tag))];
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  return (
    <main className="mx-auto max-w-5xl p-6">
      <header className="mb-6">
        <h1 className="text-2xl font-bold">
          <span aria-hidden>⚡</span> Raio — API para integradores
        </h1>
        <p className="mt-2 text-slate-700">{doc.info.description}</p>
        <p className="mt-2 text-sm">
          Documento OpenAPI 3.1: <a className="font-mono text-brand-600 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a>{" "}
          (importe no Postman, Insomnia ou num gerador de cliente).
        </p>
      </header>
      <nav aria-label="Rotas" className="mb-8 rounded-lg border border-slate-200 bg-white p-4">
        {tags.map((tag) => (
          <div key={tag} className="mb-2">
            <h2 className="font-semibold">{tag}</h2>
            <ul className="ml-4 text-sm">
              {ROUTES.filter((r) => r.tag === tag).map((r) => (
                <li key={`${r.method} ${r.path}`}>
                  <a className="hover:underline" href={`#${anchor(r.method, r.path)}`}>
                    <span className="font-mono text-xs uppercase">{r.method}</span> <span className="font-mono">{r.path}</span> — {r.summary}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>
      {tags.map((tag) => (
        <section key={tag} className="mb-10">
          <h2 className="mb-3 border-b border-slate-300 pb-1 text-xl font-bold">{tag}</h2>
          {ROUTES.filter((r) => r.tag === tag).map((r) => {
            const op = (doc.paths?.[r.path] as Record<string, Operation> | undefined)?.[r.method];
            if (!op) return null;
            const body = op.requestBody?.content["application/json"]?.schema;
            return (
              <article key={`${r.method} ${r.path}`} id={anchor(r.method, r.path)} className="mb-6 rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="flex flex-wrap items-center gap-2">
                  <span className={`rounded px-2 py-0.5 font-mono text-xs font-bold uppercase ${METHOD_CLASS[r.method]}`}>{r.method}</span>
                  <code className="font-mono font-semibold">{r.path}</code>
                </h3>
                <p className="mt-1 font-medium">{op.summary}</p>
                {r.description ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{r.description}</p> : null}
                <p className="mt-1 text-sm text-slate-500">{describeAccess(r)}</p>
                {op.parameters?.length ? (
                  <table className="mt-3 w-full text-left text-sm">
                    <caption className="text-left font-semibold">Parâmetros</caption>
                    <thead>
                      <tr className="text-slate-500">
                        <th className="pr-2">nome</th>
                        <th className="pr-2">onde</th>
                        <th className="pr-2">tipo</th>
                        <th>descrição</th>
                      </tr>
                    </thead>
                    <tbody>
                      {op.parameters.map((p) => (
                        <tr key={`${p.in}-${p.name}`} className="border-t border-slate-100 align-top">
                          <td className="pr-2 font-mono">
                            {p.name}
                            {p.required ? <span className="ml-1 text-xs text-rose-700">obrigatório</span> : null}
                          </td>
                          <td className="pr-2">{p.in === "path" ? "caminho" : p.in === "query" ? "query" : p.in}</td>
                          <td className="pr-2">{p.schema ? <TypeLink schema={p.schema} /> : null}</td>
                          <td className="text-slate-600">{p.description ?? p.schema?.description ?? ""}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                ) : null}
                {body ? (
                  <div className="mt-3">
                    <h4 className="font-semibold">Corpo JSON{op.requestBody?.required ? "" : " (opcional)"}</h4>
                    <SchemaView schema={body} />
                  </div>
                ) : null}
                <div className="mt-3">
                  <h4 className="font-semibold">Respostas</h4>
                  <ul className="text-sm">
                    {Object.entries(op.responses).map(([status, res]) => (
                      <li key={status}>
                        <span className={`font-mono font-semibold ${status.startsWith("2") ? "text-emerald-700" : "text-slate-700"}`}>{status}</span>{" "}
                        {res.description}
                        {res.content?.["application/json"] && status.startsWith("2") ? (
                          <span>
                            {" "}
                            — <TypeLink schema={res.content["application/json"].schema} />
                          </span>
                        ) : null}
                        {res.content?.["text/csv"] ? <span className="text-slate-500"> (também text/csv)</span> : null}
                      </li>
                    ))}
                  </ul>
                </div>
              </article>
            );
          })}
        </section>
      ))}
      <section>
        <h2 className="mb-3 border-b border-slate-300 pb-1 text-xl font-bold">Esquemas</h2>
        {Object.entries(schemas).map(([name, schema]) => (
          <article key={name} id={schemaAnchor(name)} className="mb-4 rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-mono font-semibold">{name}</h3>
            <SchemaView schema={schema} />
          </article>
        ))}
      </section>
    </main>
  );
}
