// {{name}} templates in Portuguese messages (maintenance return messages, flow texts). Plain text in,
// plain text out: nothing is evaluated and nothing is escaped — escaping is the renderer's job (React).

// A name is letters (accents included), digits, "_", "." or "-", with optional spaces inside the braces:
// {{diagnosticoAcessoOnline}}, {{ previsao }}, {{previsão}}.
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}_.-]+)\s*\}\}/gu;

/**
 * Replaces each {{name}} by values[name]. A name without a value (unknown, or undefined) is left visible
 * as written, so a missing variable shows up in review instead of vanishing. Values are inserted
 * literally ("$&" stays "$&"), and are not scanned again for placeholders.
 */
export function renderTemplate(text: string, values: Readonly<Record<string, string | undefined>>): string {
  return text.replace(PLACEHOLDER, (placeholder: string, name: string) => {
    const value = Object.hasOwn(values, name) ? values[name] : undefined;
    return value ?? placeholder;
  });
}

/** The distinct {{name}}s a text uses, in order of first use (for checking a template when it is saved). */
export function listTemplateVariables(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]!))];
}
