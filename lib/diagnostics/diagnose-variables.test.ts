import { describe, expect, it, test } from "vitest";
import { ago, DAY, later, makeContract, makeInput, makeLogin, makeUnlock, MINUTE, NOW } from "@/tests/support/diagnostics-input";
import { diagnoseAcessoFranquiatindgida } from "./diagnose-acesso-franquiatindgida";
import { diagnoseAcessoOnline } from "./diagnose-acesso-online";
import { diagnoseAcessoStatus } from "./diagnose-acesso-status";
import { diagnoseAcessoTecnologia } from "./diagnose-acesso-tecnologia";
import { diagnoseClienteEmAreaManutencao } from "./diagnose-cliente-em-area-manutencao";
import { diagnoseClienteStatus } from "./diagnose-cliente-status";
import { diagnoseContratoRestricaoDesbloquioConfianca } from "./diagnose-contrato-restricao-desbloquio-confianca";
import { diagnoseContratoStatus } from "./diagnose-contrato-status";
import { diagnoseContratoStatusAcesso } from "./diagnose-contrato-status-acesso";
import { diagnoseContratoUsandoDesbloqueioConfianca } from "./diagnose-contrato-usando-desbloqueio-confianca";
import { diagnoseContratoVelocidadeReduzida } from "./diagnose-contrato-velocidade-reduzida";
import { DEFAULT_DIAGNOSTICS_SETTINGS, type AccessStatus, type ContractStatus, type LoginStatus, type Technology } from "./types";

describe("diagnosticoClienteStatus", () => {
  test.each([
    { label: "active record", active: true, value: "Ativo", path: "verde" },
    { label: "inactive record", active: false, value: "Inativo", path: "vermelho" },
  ])("$label → $value ($path)", ({ active, value, path }) => {
    expect(diagnoseClienteStatus({ active })).toMatchObject({ value, path });
  });
});

describe("diagnosticoContratoStatus", () => {
  test.each<{ status: ContractStatus; value: string; path: string }>([
    { status: "ATIVO", value: "Ativo", path: "verde" },
    { status: "INATIVO", value: "Inativo", path: "vermelho" },
    { status: "PRE_CONTRATO", value: "PreContrato", path: "vermelho" },
    { status: "NEGATIVADO", value: "Negativado", path: "vermelho" },
    { status: "DESISTIU", value: "Desistiu", path: "vermelho" },
  ])("$status → $value ($path)", ({ status, value, path }) => {
    expect(diagnoseContratoStatus({ status })).toEqual({ value, path, reason: `Contrato ${value}` });
  });

  it("reads a customer without a contract as Inativo and says why", () => {
    expect(diagnoseContratoStatus(null)).toEqual({ value: "Inativo", path: "vermelho", reason: "Cliente sem contrato" });
  });
});

describe("diagnosticoContratoStatusAcesso", () => {
  test.each<{ accessStatus: AccessStatus; value: string; path: string }>([
    { accessStatus: "ATIVO", value: "Ativo", path: "verde" },
    { accessStatus: "DESATIVADO", value: "Desativado", path: "vermelho" },
    { accessStatus: "AGUARDANDO_ASSINATURA", value: "Aguardando Assinatura", path: "vermelho" },
    { accessStatus: "BLOQUEADO", value: "Bloqueado", path: "vermelho" },
    { accessStatus: "FINANCEIRO_EM_ATRASO", value: "Financeiro Em Atraso", path: "vermelho" },
  ])("$accessStatus → $value ($path)", ({ accessStatus, value, path }) => {
    expect(diagnoseContratoStatusAcesso({ accessStatus })).toMatchObject({ value, path });
  });

  it("reads a customer without a contract as Desativado", () => {
    expect(diagnoseContratoStatusAcesso(null)).toMatchObject({ value: "Desativado", path: "vermelho" });
  });
});

describe("diagnosticoContratoUsandoDesbloqueioConfianca", () => {
  test.each([
    { label: "no unlock ever", unlocks: [], value: "Não", path: "vermelho" },
    { label: "unlock performed an hour ago, 3 days long", unlocks: [makeUnlock(ago(60 * MINUTE))], value: "Sim", path: "verde" },
    { label: "unlock performed exactly now", unlocks: [makeUnlock(NOW)], value: "Sim", path: "verde" },
    { label: "unlock expiring in a minute", unlocks: [{ performedAt: ago(3 * DAY), expiresAt: later(MINUTE) }], value: "Sim", path: "verde" },
    { label: "unlock expiring exactly now", unlocks: [{ performedAt: ago(3 * DAY), expiresAt: NOW }], value: "Não", path: "vermelho" },
    { label: "unlock that expired a minute ago", unlocks: [{ performedAt: ago(3 * DAY), expiresAt: ago(MINUTE) }], value: "Não", path: "vermelho" },
    { label: "unlock recorded for the future", unlocks: [makeUnlock(later(MINUTE))], value: "Não", path: "vermelho" },
    { label: "an old expired one and a current one", unlocks: [makeUnlock(ago(20 * DAY)), makeUnlock(ago(DAY))], value: "Sim", path: "verde" },
  ])("$label → $value", ({ unlocks, value, path }) => {
    expect(diagnoseContratoUsandoDesbloqueioConfianca({ contract: makeContract(), trustUnlocks: unlocks }, NOW)).toMatchObject({ value, path });
  });

  it("names when the current unlock ends, in São Paulo time", () => {
    const result = diagnoseContratoUsandoDesbloqueioConfianca(
      { contract: makeContract(), trustUnlocks: [{ performedAt: ago(DAY), expiresAt: new Date("2026-11-25T15:00:00Z") }] },
      NOW,
    );
    expect(result.reason).toBe("Desbloqueio de confiança em vigor até 25/11/2026 12:00");
  });

  it("names when the last unlock expired", () => {
    const result = diagnoseContratoUsandoDesbloqueioConfianca(
      { contract: makeContract(), trustUnlocks: [{ performedAt: ago(3 * DAY), expiresAt: ago(MINUTE) }] },
      NOW,
    );
    expect(result.reason).toBe("Último desbloqueio de confiança expirou em 23/11/2026 11:59");
  });

  it("is Não without a contract", () => {
    expect(diagnoseContratoUsandoDesbloqueioConfianca({ contract: null, trustUnlocks: [] }, NOW)).toMatchObject({ value: "Não" });
  });
});

describe("diagnosticoContratoRestricaoDesbloquioConfianca", () => {
  const settings = DEFAULT_DIAGNOSTICS_SETTINGS;
  test.each([
    { label: "blocked, never unlocked: may unlock", contract: makeContract({ accessStatus: "BLOQUEADO" }), value: "Não", path: "verde" },
    { label: "not eligible", contract: makeContract({ accessStatus: "BLOQUEADO", trustUnlockEligible: false }), value: "Sim", path: "vermelho" },
    { label: "access already Ativo", contract: makeContract({ accessStatus: "ATIVO" }), value: "Sim", path: "vermelho" },
    { label: "no contract", contract: null, value: "Sim", path: "vermelho" },
  ])("$label → $value", ({ contract, value, path }) => {
    const result = diagnoseContratoRestricaoDesbloquioConfianca({ contract, trustUnlocks: [], invoices: [] }, NOW, settings);
    expect(result).toMatchObject({ value, path });
  });

  it("says for how long the unlock would last when there is no restriction", () => {
    const result = diagnoseContratoRestricaoDesbloquioConfianca(
      { contract: makeContract({ accessStatus: "FINANCEIRO_EM_ATRASO" }), trustUnlocks: [], invoices: [] },
      NOW,
      settings,
    );
    expect(result.reason).toBe("Contrato apto ao desbloqueio de confiança por 3 dias");
  });

  it("gives the refusal reason of decideTrustUnlock", () => {
    const result = diagnoseContratoRestricaoDesbloquioConfianca(
      { contract: makeContract({ status: "NEGATIVADO", accessStatus: "BLOQUEADO" }), trustUnlocks: [], invoices: [] },
      NOW,
      settings,
    );
    expect(result.reason).toBe("Contrato Negativado: o desbloqueio de confiança exige contrato Ativo");
  });
});

describe("diagnosticoContratoVelocidadeReduzida", () => {
  test.each([
    { label: "reduced speed", contract: makeContract({ reducedSpeed: true }), value: "Sim", path: "vermelho" },
    { label: "normal speed", contract: makeContract({ reducedSpeed: false }), value: "Não", path: "verde" },
    { label: "no contract", contract: null, value: "Não", path: "verde" },
  ])("$label → $value", ({ contract, value, path }) => {
    expect(diagnoseContratoVelocidadeReduzida(contract)).toMatchObject({ value, path });
  });
});

describe("diagnosticoClienteEmAreaManutencao", () => {
  test.each([
    { label: "no executing order around", orders: [], value: "Não", path: "verde", reason: "Cliente fora de áreas em manutenção" },
    {
      label: "inside one executing order",
      orders: [{ id: 7, number: 12, message: "Manutenção na rede" }],
      value: "Sim",
      path: "vermelho",
      reason: "Cliente em área de manutenção: OS 12",
    },
    {
      label: "inside two overlapping orders, listed by number",
      orders: [
        { id: 9, number: 15, message: null },
        { id: 7, number: 12, message: "Manutenção na rede" },
      ],
      value: "Sim",
      path: "vermelho",
      reason: "Cliente em área de manutenção: OS 12, OS 15",
    },
  ])("$label → $value", ({ orders, value, path, reason }) => {
    expect(diagnoseClienteEmAreaManutencao(orders)).toEqual({ value, path, reason });
  });
});

describe("diagnosticoAcessoStatus", () => {
  test.each<{ status: LoginStatus; value: string; path: string }>([
    { status: "ATIVO", value: "Ativo", path: "verde" },
    { status: "INATIVO", value: "Inativo", path: "vermelho" },
    { status: "SEM_STATUS", value: "Sem Status", path: "vermelho" },
  ])("$status → $value", ({ status, value, path }) => {
    expect(diagnoseAcessoStatus({ status })).toMatchObject({ value, path });
  });

  it("reads a customer without a login as Sem Status", () => {
    expect(diagnoseAcessoStatus(null)).toEqual({ value: "Sem Status", path: "vermelho", reason: "Cliente sem login" });
  });
});

describe("diagnosticoAcessoFranquiatindgida", () => {
  const customer = makeInput().customer;
  const plan = (allowanceGb: number | null) => makeContract({ plan: { allowanceGb, technology: "FIBRA" } });
  test.each([
    { label: "unlimited plan, huge usage", contract: plan(null), dataUsedMb: 10_000_000, value: "Não", path: "verde" },
    { label: "one MB below a 100 GB allowance", contract: plan(100), dataUsedMb: 100 * 1024 - 1, value: "Não", path: "verde" },
    { label: "exactly at a 100 GB allowance (102400 MB)", contract: plan(100), dataUsedMb: 100 * 1024, value: "Sim", path: "vermelho" },
    { label: "past the allowance", contract: plan(100), dataUsedMb: 150 * 1024, value: "Sim", path: "vermelho" },
    { label: "100 000 MB is below 100 GB (1 GB = 1024 MB)", contract: plan(100), dataUsedMb: 100_000, value: "Não", path: "verde" },
    { label: "no contract", contract: null, dataUsedMb: 0, value: "Não", path: "verde" },
  ])("$label → $value", ({ contract, dataUsedMb, value, path }) => {
    expect(diagnoseAcessoFranquiatindgida({ customer, contract, login: makeLogin({ dataUsedMb }) })).toMatchObject({ value, path });
  });

  it("is Não without a login", () => {
    expect(diagnoseAcessoFranquiatindgida({ customer, contract: plan(1), login: null })).toMatchObject({ value: "Não" });
  });

  it("names the branch central (and its phone) to route to when reached", () => {
    const result = diagnoseAcessoFranquiatindgida({ customer, contract: plan(50), login: makeLogin({ dataUsedMb: 51_200 }) });
    expect(result.reason).toBe(
      "Franquia de 50 GB atingida (51200 MB usados): encaminhar para a central Central Campinas ((19) 3232-1234)",
    );
  });

  it("names the central without a phone when the branch has none", () => {
    const result = diagnoseAcessoFranquiatindgida({
      customer: { branch: { central: "Central Sul", centralPhone: null } },
      contract: plan(1),
      login: makeLogin({ dataUsedMb: 1024 }),
    });
    expect(result.reason).toMatch(/encaminhar para a central Central Sul$/);
  });
});

describe("diagnosticoAcessoOnline", () => {
  test.each([
    { label: "online", login: makeLogin({ online: true }), value: "Sim", path: "verde", reason: "Login online" },
    {
      label: "offline, seen before",
      login: makeLogin({ online: false, lastSeenAt: ago(2 * 60 * MINUTE) }),
      value: "Não",
      path: "vermelho",
      reason: "Login offline; visto por último em 23/11/2026 10:00",
    },
    { label: "offline, never seen", login: makeLogin({ online: false, lastSeenAt: null }), value: "Não", path: "vermelho", reason: "Login offline" },
    { label: "no login", login: null, value: "Não", path: "vermelho", reason: "Cliente sem login" },
  ])("$label → $value", ({ login, value, path, reason }) => {
    expect(diagnoseAcessoOnline(login)).toEqual({ value, path, reason });
  });
});

describe("diagnosticoAcessoTecnologia", () => {
  const withLogin = (technology: Technology) => ({ contract: makeContract(), login: makeLogin({ technology }) });
  test.each([
    { label: "fibre login, Fibra expected", input: withLogin("FIBRA"), expected: "Fibra" as const, value: "Fibra", path: "verde" },
    { label: "radio login, Fibra expected", input: withLogin("RADIO"), expected: "Fibra" as const, value: "Radio", path: "vermelho" },
    { label: "ADSL login, ADSL expected", input: withLogin("ADSL"), expected: "ADSL" as const, value: "ADSL", path: "verde" },
    { label: "ADSL login, nothing expected", input: withLogin("ADSL"), expected: null, value: "ADSL", path: "verde" },
    { label: "radio login, Radio expected", input: withLogin("RADIO"), expected: "Radio" as const, value: "Radio", path: "verde" },
    {
      label: "no login: the plan's technology",
      input: { contract: makeContract({ plan: { allowanceGb: null, technology: "RADIO" } }), login: null },
      expected: "Radio" as const,
      value: "Radio",
      path: "verde",
    },
    {
      label: "the login's technology wins over the plan's",
      input: { contract: makeContract({ plan: { allowanceGb: null, technology: "RADIO" } }), login: makeLogin({ technology: "FIBRA" }) },
      expected: "Fibra" as const,
      value: "Fibra",
      path: "verde",
    },
    { label: "unknown, Fibra expected: a value other than Fibra", input: { contract: null, login: null }, expected: "Fibra" as const, value: "Radio", path: "vermelho" },
    { label: "unknown, Radio expected", input: { contract: null, login: null }, expected: "Radio" as const, value: "Fibra", path: "vermelho" },
    { label: "unknown, nothing expected", input: { contract: null, login: null }, expected: null, value: "Fibra", path: "verde" },
  ])("$label → $value ($path)", ({ input, expected, value, path }) => {
    expect(diagnoseAcessoTecnologia(input, expected)).toMatchObject({ value, path });
  });

  it("names the expected technology when it differs", () => {
    expect(diagnoseAcessoTecnologia(withLogin("RADIO"), "Fibra").reason).toBe("Login com tecnologia Radio; esperada Fibra");
  });
});
