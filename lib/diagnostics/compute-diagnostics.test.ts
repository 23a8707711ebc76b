import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { ago, date, DAY, deepFreeze, makeContract, makeInput, makeInvoice, makeLogin, makeUnlock, NOW } from "./__fixtures__/diagnostics-input";
import { computeDiagnostics } from "./compute-diagnostics";
import { decideTrustUnlock } from "./decide-trust-unlock";
import {
  DEFAULT_DIAGNOSTICS_SETTINGS,
  DIAGNOSTIC_VALUES,
  DIAGNOSTIC_VARIABLES,
  type DiagnosticsInput,
  type DiagnosticVariable,
} from "./types";

const settings = DEFAULT_DIAGNOSTICS_SETTINGS;

/** The value that takes the green path, per docs/dominio.md (tecnologia depends on the expectation). */
const GREEN_VALUE: Record<Exclude<DiagnosticVariable, "diagnosticoAcessoTecnologia">, string> = {
  diagnosticoClienteStatus: "Ativo",
  diagnosticoContratoStatus: "Ativo",
  diagnosticoContratoStatusAcesso: "Ativo",
  diagnosticoContratoUsandoDesbloqueioConfianca: "Sim",
  diagnosticoContratoRestricaoDesbloquioConfianca: "Não",
  diagnosticoContratoVelocidadeReduzida: "Não",
  diagnosticoClienteEmAreaManutencao: "Não",
  diagnosticoAcessoStatus: "Ativo",
  diagnosticoAcessoFranquiatindgida: "Não",
  diagnosticoAcessoOnline: "Sim",
};

describe("DIAGNOSTIC_VARIABLES", () => {
  it("keeps the contract's names letter for letter, in docs/dominio.md order", () => {
    expect(DIAGNOSTIC_VARIABLES).toEqual([
      "diagnosticoClienteStatus",
      "diagnosticoContratoStatus",
      "diagnosticoContratoStatusAcesso",
      "diagnosticoContratoUsandoDesbloqueioConfianca",
      "diagnosticoContratoRestricaoDesbloquioConfianca",
      "diagnosticoContratoVelocidadeReduzida",
      "diagnosticoClienteEmAreaManutencao",
      "diagnosticoAcessoStatus",
      "diagnosticoAcessoFranquiatindgida",
      "diagnosticoAcessoOnline",
      "diagnosticoAcessoTecnologia",
    ]);
  });
});

describe("computeDiagnostics", () => {
  it("answers every variable, in order, for a healthy customer", () => {
    const result = computeDiagnostics(makeInput(), NOW, settings);
    expect(Object.keys(result.variables)).toEqual([...DIAGNOSTIC_VARIABLES]);
    expect(Object.keys(result.paths)).toEqual([...DIAGNOSTIC_VARIABLES]);
    expect(Object.keys(result.reasons)).toEqual([...DIAGNOSTIC_VARIABLES]);
    expect(result.variables).toEqual({
      diagnosticoClienteStatus: "Ativo",
      diagnosticoContratoStatus: "Ativo",
      diagnosticoContratoStatusAcesso: "Ativo",
      diagnosticoContratoUsandoDesbloqueioConfianca: "Não",
      diagnosticoContratoRestricaoDesbloquioConfianca: "Sim", // access Ativo: nothing to unlock
      diagnosticoContratoVelocidadeReduzida: "Não",
      diagnosticoClienteEmAreaManutencao: "Não",
      diagnosticoAcessoStatus: "Ativo",
      diagnosticoAcessoFranquiatindgida: "Não",
      diagnosticoAcessoOnline: "Sim",
      diagnosticoAcessoTecnologia: "Fibra",
    });
    expect(result.reasons.diagnosticoContratoRestricaoDesbloquioConfianca).toBe("Acesso já está Ativo: não há bloqueio a liberar");
  });

  it("answers a customer in trouble on the red paths", () => {
    const input = makeInput({
      customer: { active: false, branch: { central: "Central Norte", centralPhone: null } },
      contract: makeContract({
        status: "ATIVO",
        accessStatus: "FINANCEIRO_EM_ATRASO",
        reducedSpeed: true,
        plan: { allowanceGb: 10, technology: "RADIO" },
      }),
      trustUnlocks: [makeUnlock(ago(10 * DAY))],
      invoices: [makeInvoice({ dueDate: date("2026-11-01") })],
      login: makeLogin({ status: "INATIVO", online: false, technology: "RADIO", dataUsedMb: 10 * 1024 }),
      maintenanceOrders: [{ id: 1, number: 42, message: "Rompimento de fibra" }],
      expectedTechnology: "Fibra",
    });
    const result = computeDiagnostics(input, NOW, settings);
    expect(result.variables).toEqual({
      diagnosticoClienteStatus: "Inativo",
      diagnosticoContratoStatus: "Ativo",
      diagnosticoContratoStatusAcesso: "Financeiro Em Atraso",
      diagnosticoContratoUsandoDesbloqueioConfianca: "Não",
      diagnosticoContratoRestricaoDesbloquioConfianca: "Sim",
      diagnosticoContratoVelocidadeReduzida: "Sim",
      diagnosticoClienteEmAreaManutencao: "Sim",
      diagnosticoAcessoStatus: "Inativo",
      diagnosticoAcessoFranquiatindgida: "Sim",
      diagnosticoAcessoOnline: "Não",
      diagnosticoAcessoTecnologia: "Radio",
    });
    const green = DIAGNOSTIC_VARIABLES.filter((name) => result.paths[name] === "verde");
    expect(green).toEqual(["diagnosticoContratoStatus"]);
    expect(result.reasons.diagnosticoClienteEmAreaManutencao).toBe("Cliente em área de manutenção: OS 42");
    expect(result.reasons.diagnosticoAcessoFranquiatindgida).toMatch(/central Central Norte$/);
  });

  it("answers a customer without contract or login with valid values", () => {
    const result = computeDiagnostics(makeInput({ contract: null, login: null }), NOW, settings);
    expect(result.variables).toMatchObject({
      diagnosticoContratoStatus: "Inativo",
      diagnosticoContratoStatusAcesso: "Desativado",
      diagnosticoContratoRestricaoDesbloquioConfianca: "Sim",
      diagnosticoAcessoStatus: "Sem Status",
      diagnosticoAcessoOnline: "Não",
    });
    expect(result.reasons.diagnosticoContratoStatus).toBe("Cliente sem contrato");
  });

  test.each([
    { label: "the flow's expectation wins over the setting", input: "Radio" as const, setting: "Fibra" as const, path: "verde" },
    { label: "the setting applies when the flow passes none", input: undefined, setting: "Fibra" as const, path: "vermelho" },
    { label: "a null expectation from the flow falls back to the setting", input: null, setting: "Fibra" as const, path: "vermelho" },
    { label: "no expectation anywhere: green", input: undefined, setting: null, path: "verde" },
  ])("expected technology: $label", ({ input, setting, path }) => {
    const base = makeInput({ login: makeLogin({ technology: "RADIO" }) });
    const result = computeDiagnostics({ ...base, expectedTechnology: input }, NOW, { ...settings, expectedTechnology: setting });
    expect(result.paths.diagnosticoAcessoTecnologia).toBe(path);
  });

  it("does not mutate its input", () => {
    const input = makeInput({
      contract: makeContract({ accessStatus: "BLOQUEADO" }),
      trustUnlocks: [makeUnlock(ago(40 * DAY)), makeUnlock(ago(10 * DAY))],
      invoices: [makeInvoice(), makeInvoice({ dueDate: date("2026-11-23") })],
      maintenanceOrders: [{ id: 2, number: 9, message: null }, { id: 1, number: 3, message: "x" }],
    });
    const before = structuredClone(input);
    const result = computeDiagnostics(deepFreeze(input), NOW, settings);
    expect(input).toEqual(before);
    expect(result.variables.diagnosticoContratoRestricaoDesbloquioConfianca).toBe("Sim");
  });

  describe("on any input", () => {
    const technology = fc.constantFrom("FIBRA" as const, "RADIO" as const, "ADSL" as const);
    const instant = fc.integer({ min: -60 * DAY, max: 10 * DAY }).map((offset) => new Date(NOW.getTime() + offset));
    const arbitraryInput: fc.Arbitrary<DiagnosticsInput> = fc.record({
      customer: fc.record({
        active: fc.boolean(),
        branch: fc.record({ central: fc.string(), centralPhone: fc.option(fc.string(), { nil: null }) }),
      }),
      contract: fc.option(
        fc.record({
          status: fc.constantFrom("ATIVO" as const, "INATIVO" as const, "PRE_CONTRATO" as const, "NEGATIVADO" as const, "DESISTIU" as const),
          accessStatus: fc.constantFrom(
            "ATIVO" as const,
            "DESATIVADO" as const,
            "AGUARDANDO_ASSINATURA" as const,
            "BLOQUEADO" as const,
            "FINANCEIRO_EM_ATRASO" as const,
          ),
          reducedSpeed: fc.boolean(),
          trustUnlockEligible: fc.boolean(),
          plan: fc.record({ allowanceGb: fc.option(fc.integer({ min: 1, max: 1000 }), { nil: null }), technology }),
        }),
        { nil: null },
      ),
      trustUnlocks: fc.array(
        fc.tuple(instant, fc.integer({ min: 1, max: 10 * DAY })).map(([performedAt, ms]) => ({
          performedAt,
          expiresAt: new Date(performedAt.getTime() + ms),
        })),
        { maxLength: 4 },
      ),
      invoices: fc.array(
        fc.record({
          dueDate: instant.map((d) => date(d.toISOString().slice(0, 10))),
          amountCents: fc.integer({ min: 0, max: 100_000 }),
          paidAt: fc.option(instant, { nil: null }),
        }),
        { maxLength: 5 },
      ),
      login: fc.option(
        fc.record({
          status: fc.constantFrom("ATIVO" as const, "INATIVO" as const, "SEM_STATUS" as const),
          online: fc.boolean(),
          lastSeenAt: fc.option(instant, { nil: null }),
          technology,
          dataUsedMb: fc.integer({ min: 0, max: 2_000_000 }),
        }),
        { nil: null },
      ),
      maintenanceOrders: fc.array(
        fc.record({ id: fc.nat(), number: fc.nat(), message: fc.option(fc.string(), { nil: null }) }),
        { maxLength: 3 },
      ),
      expectedTechnology: fc.option(fc.constantFrom("Fibra" as const, "Radio" as const, "ADSL" as const), { nil: undefined }),
    });

    it("gives only contract values, the documented paths, and a reason for each", () => {
      fc.assert(
        fc.property(arbitraryInput, (input) => {
          const result = computeDiagnostics(input, NOW, settings);
          for (const name of DIAGNOSTIC_VARIABLES) {
            expect(DIAGNOSTIC_VALUES[name] as readonly string[]).toContain(result.variables[name]);
            expect(result.reasons[name].length).toBeGreaterThan(0);
            if (name !== "diagnosticoAcessoTecnologia") {
              expect(result.paths[name]).toBe(result.variables[name] === GREEN_VALUE[name] ? "verde" : "vermelho");
            }
          }
          const expected = input.expectedTechnology ?? settings.expectedTechnology;
          const tech = result.variables.diagnosticoAcessoTecnologia;
          expect(result.paths.diagnosticoAcessoTecnologia).toBe(expected === null || tech === expected ? "verde" : "vermelho");
        }),
      );
    });

    it("says Não to the restriction exactly when decideTrustUnlock allows", () => {
      fc.assert(
        fc.property(arbitraryInput, (input) => {
          const restricted = computeDiagnostics(input, NOW, settings).variables.diagnosticoContratoRestricaoDesbloquioConfianca;
          expect(restricted === "Não").toBe(decideTrustUnlock(input, NOW, settings).allowed);
        }),
      );
    });

    it("never has an unlock both in use and allowed again", () => {
      fc.assert(
        fc.property(arbitraryInput, (input) => {
          const { variables } = computeDiagnostics(input, NOW, settings);
          if (variables.diagnosticoContratoUsandoDesbloqueioConfianca === "Sim") {
            expect(variables.diagnosticoContratoRestricaoDesbloquioConfianca).toBe("Sim");
          }
        }),
      );
    });
  });
});

describe("DEFAULT_DIAGNOSTICS_SETTINGS", () => {
  it("are the provider settings' defaults: 3-day unlocks, 30-day lookback", () => {
    expect(DEFAULT_DIAGNOSTICS_SETTINGS).toMatchObject({ trustUnlockDays: 3, trustUnlockLookbackDays: 30 });
  });
});
