import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { renderTemplate } from "./render-template";

describe("renderTemplate", () => {
  const values = {
    diagnosticoAcessoOnline: "Não",
    previsao: "23/11/2026 18:00",
    previsão: "hoje",
    "cliente.nome": "Maria",
    cifrao: "R$ 10 $& $1",
    vazio: "",
    aninhado: "{{previsao}}",
  };
  test.each([
    { label: "one variable", text: "Online: {{diagnosticoAcessoOnline}}", out: "Online: Não" },
    { label: "spaces inside the braces", text: "Previsão: {{ previsao }} e {{previsao  }}", out: "Previsão: 23/11/2026 18:00 e 23/11/2026 18:00" },
    { label: "an accented name", text: "{{previsão}}", out: "hoje" },
    { label: "a dotted name", text: "Olá, {{cliente.nome}}!", out: "Olá, Maria!" },
    { label: "an unknown variable stays visible", text: "OS {{numero}} até {{previsao}}", out: "OS {{numero}} até 23/11/2026 18:00" },
    { label: "an unknown variable keeps its spaces", text: "{{ numero }}", out: "{{ numero }}" },
    { label: "prototype names are not values", text: "{{constructor}} {{toString}} {{__proto__}}", out: "{{constructor}} {{toString}} {{__proto__}}" },
    { label: "dollar patterns are inserted literally", text: "{{cifrao}}", out: "R$ 10 $& $1" },
    { label: "an empty value is a value", text: "[{{vazio}}]", out: "[]" },
    { label: "values are not scanned again", text: "{{aninhado}}", out: "{{previsao}}" },
    { label: "single braces are text", text: "{previsao} {{{previsao}}}", out: "{previsao} {23/11/2026 18:00}" },
    { label: "nothing is executed or escaped", text: "{{ 1 + 1 }} <b>{{previsao}}</b> ${previsao}", out: "{{ 1 + 1 }} <b>23/11/2026 18:00</b> ${previsao}" },
    { label: "empty braces are text", text: "{{}} {{ }}", out: "{{}} {{ }}" },
    { label: "the same variable twice", text: "{{vazio}}{{previsão}}-{{previsão}}", out: "hoje-hoje" },
  ])("$label", ({ text, out }) => {
    expect(renderTemplate(text, values)).toBe(out);
  });

  it("leaves a variable whose value is undefined visible", () => {
    expect(renderTemplate("{{a}}", { a: undefined })).toBe("{{a}}");
  });

  it("returns text without placeholders unchanged", () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes("{{")), (text) => {
        expect(renderTemplate(text, { a: "x" })).toBe(text);
      }),
    );
  });
});

describe("listTemplateVariables", () => {
  it("lists each name once, in order, with or without spaces", async () => {
    const { listTemplateVariables } = await import("./render-template");
    expect(listTemplateVariables("{{ os }} {{previsao}} {{os}} {previsao} {{ 1 + 1 }} {{previsão}}")).toEqual(["os", "previsao", "previsão"]);
    expect(listTemplateVariables("sem variáveis")).toEqual([]);
  });
});
