// A JSON Schema (as the OpenAPI document holds it) shown as nested lists: property, type, required, allowed
// values, description. References link to the schema's section on the same page. Text only, no HTML strings.
type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

const REF_PREFIX = "#/components/schemas/";

export const schemaAnchor = (name: string) => `schema-${name}`;

function typeLabel(s: Schema): string {
  if (s.$ref) return s.$ref.slice(REF_PREFIX.length);
  const type = Array.isArray(s.type) ? s.type.join(" | ") : s.type;
  if (type === "array") return `${s.items ? typeLabel(s.items) : "valor"}[]`;
  return [type ?? (s.anyOf || s.oneOf ? "um de" : "valor"), s.format ? `(${s.format})` : ""].filter(Boolean).join(" ");
}

function constraints(s: Schema): string {
  const parts: string[] = [];
  if (s.enum) parts.push(`valores: ${s.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  if (s.const !== undefined) parts.push(`sempre ${JSON.stringify(s.const)}`);
  if (s.minimum !== undefined) parts.push(`mín. ${s.minimum}`);
  if (s.maximum !== undefined && s.maximum < Number.MAX_SAFE_INTEGER) parts.push(`máx. ${s.maximum}`);
  if (s.minLength !== undefined) parts.push(`mín. ${s.minLength} caracteres`);
  if (s.maxLength !== undefined) parts.push(`máx. ${s.maxLength} caracteres`);
  if (s.pattern) parts.push(`formato ${s.pattern}`);
  if (s.default !== undefined) parts.push(`padrão ${JSON.stringify(s.default)}`);
  return parts.join(" · ");
}

export function TypeLink({ schema }: { schema: Schema }) {
  const ref = schema.$ref ?? (schema.type === "array" ? schema.items?.$ref : undefined);
  const label = typeLabel(schema);
  return ref ? (
    <a className="font-mono text-brand-600 underline" href={`#${schemaAnchor(ref.slice(REF_PREFIX.length))}`}>{label}</a>
  ) : (
    <span className="font-mono text-slate-600">{label}</span>
  );
}

export function SchemaView({ schema, depth = 0 }: { schema: Schema; depth?: number }) {
  const variants = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  const nested = schema.type === "array" && schema.items && !schema.items.$ref ? schema.items : schema;
  return (
    <div className="text-sm">
      {schema.description && depth === 0 ? <p className="mb-1 text-slate-600">{schema.description}</p> : null}
      {variants ? (
        <ul className="ml-4 list-disc">
          {variants.map((v, i) => (
            <li key={i}>
              <TypeLink schema={v} />
              {v.properties ? <SchemaView schema={v} depth={depth + 1} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {nested.properties ? (
        <ul className="ml-4 space-y-1 border-l border-slate-200 pl-3">
          {Object.entries(nested.properties).map(([name, prop]) => (
            <li key={name}>
              <code className="font-semibold">{name}</code>{" "}
              <TypeLink schema={prop} />
              {nested.required?.includes(name) ? <span className="ml-1 text-xs text-rose-700">obrigatório</span> : null}
              {constraints(prop) ? <span className="ml-2 text-xs text-slate-500">{constraints(prop)}</span> : null}
              {prop.description ? <span className="block text-slate-600">{prop.description}</span> : null}
              {depth < 6 && (prop.properties || (prop.type === "array" && prop.items?.properties) || prop.anyOf) ? (
                <SchemaView schema={prop} depth={depth + 1} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!variants && !nested.properties && depth === 0 ? (
        <p>
          <TypeLink schema={schema} /> {constraints(schema) ? <span className="text-xs text-slate-500">{constraints(schema)}</span> : null}
        </p>
      ) : null}
    </div>
  );
}

export type { Schema };
