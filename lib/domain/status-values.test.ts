import { describe, expect, it } from "vitest";
import {
  ACCESS_STATUS_VALUES,
  CONTRACT_STATUS_VALUES,
  IXC_ACCESS_STATUS,
  IXC_CONTRACT_STATUS,
  IXC_LOGIN_STATUS,
  LOGIN_STATUS_VALUES,
  statusKeys,
  TECHNOLOGY_CODES,
  TECHNOLOGY_VALUES,
} from "./status-values";

describe("the keys an ERP export may use for a status", () => {
  it.each([
    { label: "contract status", keys: statusKeys(CONTRACT_STATUS_VALUES, IXC_CONTRACT_STATUS), sample: { PRECONTRATO: "PRE_CONTRATO", P: "PRE_CONTRATO", ATIVO: "ATIVO", D: "DESISTIU" } },
    { label: "access status", keys: statusKeys(ACCESS_STATUS_VALUES, IXC_ACCESS_STATUS), sample: { "FINANCEIRO EM ATRASO": "FINANCEIRO_EM_ATRASO", FA: "FINANCEIRO_EM_ATRASO", CM: "BLOQUEADO", CA: "BLOQUEADO", CE: "BLOQUEADO", AA: "AGUARDANDO_ASSINATURA" } },
    { label: "login status", keys: statusKeys(LOGIN_STATUS_VALUES, IXC_LOGIN_STATUS), sample: { "SEM STATUS": "SEM_STATUS", "": "SEM_STATUS", S: "ATIVO", N: "INATIVO" } },
    { label: "technology", keys: statusKeys(TECHNOLOGY_VALUES, TECHNOLOGY_CODES), sample: { FIBRA: "FIBRA", F: "FIBRA", RADIO: "RADIO", R: "RADIO", ADSL: "ADSL" } },
  ])("$label: the shown value in upper case and every IXC code", ({ keys, sample }) => {
    expect(keys).toMatchObject(sample);
  });

  it("reaches every status of the database enum from its shown value", () => {
    for (const values of [CONTRACT_STATUS_VALUES, ACCESS_STATUS_VALUES, LOGIN_STATUS_VALUES, TECHNOLOGY_VALUES]) {
      const keys = statusKeys(values as Record<string, string>, {});
      expect(new Set(Object.values(keys))).toEqual(new Set(Object.keys(values)));
    }
  });
});
