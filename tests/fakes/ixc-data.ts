// Generated IXC Provedor data for the fake webservice: deterministic (seeded), every value a string as IXC
// sends it, with IXC's quirks (formatted CPFs, "0000-00-00" for no date, null fields, S/N/SS flags).
import { seededRandom } from "../../lib/random/seeded-random";
import { cpfFromIndex } from "../../lib/validation/document";

export type IxcRecord = Record<string, string | null>;
export type IxcTables = Record<string, IxcRecord[]>;

const FIRST = ["Ana", "Bruno", "Carla", "Diego", "Eduarda", "Felipe", "Gabriela", "Heitor", "Isabela", "João", "Larissa", "Marcos"];
const LAST = ["Silva", "Souza", "Oliveira", "Santos", "Pereira", "Lima", "Costa", "Ferreira", "Almeida", "Ribeiro"];
const STREETS = ["Rua das Flores", "Av. Brasil", "Rua Barão de Jaguara", "Rua José Paulino", "Av. Norte-Sul"];
const BAIRROS = ["Centro", "Cambuí", "Taquaral", "Barão Geraldo", "Jardim Proença"];

/** The "last update" stamp every generated row starts with (IXC's local wall-clock format). */
export const BASE_UPDATE = "2026-11-01 08:00:00";

export interface GenerateOptions {
  customers: number;
  seed?: number;
}

function pad(n: number, len: number): string {
  return String(n).padStart(len, "0");
}

function formatCpf(d: string): string {
  return `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}`;
}

/** The small tables (cities, branches, plans, subjects): the same for every size. */
function smallTables(): IxcTables {
  const cidade: IxcRecord[] = [
    { id: "3509502", nome: "Campinas", uf: "SP" },
    { id: "3552403", nome: "Sumaré", uf: "SP" },
  ];
  const filial: IxcRecord[] = [
    { id: "1", razao: "Provedor Exemplo Ltda", fantasia: "Matriz Campinas", cidade: "3509502", telefone: "(19) 3232-0000" },
    { id: "2", razao: "Provedor Exemplo Ltda", fantasia: "Filial Sumaré", cidade: "3552403", telefone: null },
  ];
  // Plans (vd_contratos): speeds in Mbps, allowance in GB ("0" = unlimited), technology F/R.
  const vd_contratos: IxcRecord[] = [
    { id: "1", nome: "Fibra 300M", valor_contrato: "99.90", download: "300", upload: "150", franquia_gb: "0", tecnologia: "F" },
    { id: "2", nome: "Fibra 600M", valor_contrato: "129.90", download: "600", upload: "300", franquia_gb: "0", tecnologia: "F" },
    { id: "3", nome: "Rádio 20M", valor_contrato: "79.90", download: "20", upload: "5", franquia_gb: "100", tecnologia: "R" },
  ];
  const su_oss_assunto: IxcRecord[] = [
    { id: "1", assunto: "Sem conexão", msg_regiao_manutencao: "" },
    { id: "2", assunto: "Manutenção de rede", msg_regiao_manutencao: "Estamos em manutenção na sua região. Previsão: {{previsao}}." },
  ];
  return { cidade, filial, vd_contratos, su_oss_assunto };
}

const SMALL = smallTables();

export interface CustomerRecords {
  cliente: IxcRecord;
  cliente_contrato: IxcRecord;
  radusuarios: IxcRecord;
  fn_areceber: [IxcRecord, IxcRecord];
}

/**
 * Customer `i` (1-based) with its contract, login and two invoices: computed from (seed, i) alone, so a fake
 * of any size can make any row on demand (./ixc-lazy-data.ts) as well as all of them at once.
 */
export function customerRecords(i: number, seed = 42): CustomerRecords {
  const r = seededRandom((Math.imul(seed, 0x9e3779b1) ^ Math.imul(i, 0x85ebca6b)) >>> 0);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const [campinas, sumare] = SMALL.cidade as [IxcRecord, IxcRecord];
  const plans = SMALL.vd_contratos as [IxcRecord, IxcRecord, IxcRecord];
  const city = i % 5 === 0 ? sumare : campinas;
  const name = `${pick(FIRST)} ${pick(LAST)} ${pick(LAST)}`;
  const cpf = cpfFromIndex(i + seed * 1_000_003) ?? cpfFromIndex(i)!;
  const lat = city.nome === "Campinas" ? -22.9 + (r() - 0.5) * 0.1 : -22.82 + (r() - 0.5) * 0.05;
  const lng = city.nome === "Campinas" ? -47.06 + (r() - 0.5) * 0.1 : -47.27 + (r() - 0.5) * 0.05;
  const cel = `(19) 9${pad(8000 + (i % 2000), 4)}-${pad(i % 10_000, 4)}`;
  const cliente: IxcRecord = {
    id: String(i), razao: name, fantasia: "", cnpj_cpf: formatCpf(cpf), tipo_pessoa: "F", ativo: i % 50 === 0 ? "N" : "S",
    telefone_celular: cel, fone: i % 3 === 0 ? `(19) 3${pad(200 + (i % 700), 3)}-${pad(i % 10_000, 4)}` : "", whatsapp: cel,
    email: i % 4 === 0 ? "" : `cliente${i}@exemplo.com.br`, endereco: pick(STREETS), numero: String(1 + (i % 900)),
    bairro: pick(BAIRROS), cidade: city.id!, cep: "13010-000", latitude: lat.toFixed(6), longitude: lng.toFixed(6),
    filial_id: city.id === "3509502" ? "1" : "2", ultima_atualizacao: BASE_UPDATE,
  };
  const plan = i % 10 === 0 ? plans[2] : i % 3 === 0 ? plans[1] : plans[0];
  const blocked = i % 17 === 0;
  const status = i % 50 === 0 ? "I" : "A";
  const cliente_contrato: IxcRecord = {
    id: String(i), id_cliente: String(i), id_vd_contrato: plan.id!, descricao_aux_plano_venda: plan.nome!, status,
    status_internet: status === "I" ? "D" : blocked ? (i % 2 ? "CA" : "FA") : "A", status_velocidade: i % 23 === 0 ? "R" : "N",
    desbloqueio_confianca: i % 29 === 0 ? "N" : "S", desbloqueio_confianca_ativo: "N", dt_ult_desb_conf: "0000-00-00",
    contrato_suspenso: "N", data_ativacao: `2025-${pad(1 + (i % 12), 2)}-${pad(1 + (i % 28), 2)}`,
    data_cancelamento: status === "I" ? "2026-10-15" : "0000-00-00", latitude: "", longitude: "", ultima_atualizacao: BASE_UPDATE,
  };
  const online = status === "I" ? "N" : r() < 0.9 ? "S" : i % 7 === 0 ? "SS" : "N";
  const radusuarios: IxcRecord = {
    id: String(i), id_cliente: String(i), id_contrato: String(i), login: `cliente${pad(i, 6)}@fibra`, ativo: status === "I" ? "N" : "S",
    online, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, mac: null,
    latitude: i % 4 === 0 ? "" : (lat + 0.0001).toFixed(6), longitude: i % 4 === 0 ? "" : (lng + 0.0001).toFixed(6),
    ultima_conexao_final: online === "S" ? "0000-00-00 00:00:00" : "2026-11-20 10:15:00", franquia_atingida: "N",
    ultima_atualizacao: BASE_UPDATE,
    // The FTTH plant (topo, issue 17): fibre logins on CTO ports by customer number (a radio customer leaves
    // its port free), radio logins on none ("0", as IXC writes it). No random draw: the rest stays as it was.
    ...ftthOf(plan.tecnologia === "F" ? i - 1 : -1),
  };
  const invoice = (m: number): IxcRecord => {
    const paid = m === 0 || !blocked;
    return {
      id: String((i - 1) * 2 + m + 1), id_cliente: String(i), id_contrato: String(i), status: paid ? "R" : "A",
      data_vencimento: `2026-${pad(10 + m, 2)}-10`, valor: plan.valor_contrato!, valor_aberto: paid ? "0.00" : plan.valor_contrato!,
      pagamento_data: paid ? `2026-${pad(10 + m, 2)}-08` : "0000-00-00",
      linha_digitavel: `34191.79001 01043.510047 91020.150008 ${pad(i % 10, 1)} 9${pad(i, 12)}`.slice(0, 54),
      pix_txid: paid ? "" : `RAIOFAKE${pad(i, 10)}M${m}`, ultima_atualizacao: BASE_UPDATE,
    };
  };
  return { cliente, cliente_contrato, radusuarios, fn_areceber: [invoice(0), invoice(1)] };
}

/** Every table at once (tests mutate these arrays). */
export function generateIxcData({ customers, seed = 42 }: GenerateOptions): IxcTables {
  const small = smallTables();
  const cliente: IxcRecord[] = [];
  const cliente_contrato: IxcRecord[] = [];
  const radusuarios: IxcRecord[] = [];
  const fn_areceber: IxcRecord[] = [];
  for (let i = 1; i <= customers; i++) {
    const c = customerRecords(i, seed);
    cliente.push(c.cliente);
    cliente_contrato.push(c.cliente_contrato);
    radusuarios.push(c.radusuarios);
    fn_areceber.push(...c.fn_areceber);
  }
  return { ...small, cliente, cliente_contrato, radusuarios, fn_areceber, ...ftthPlant(radusuarios) };
}

// ---- FTTH plant (no random draws: the rest of the data stays as it was) ----------------------------------
/** Ports per generated CTO, and CTOs per PON. */
const FAKE_CTO_PORTS = 8;
const FAKE_CTOS_PER_PON = 4;

/** The k-th fibre login's CTO and port (k < 0: a radio login, on none). */
function ftthOf(k: number): IxcRecord {
  if (k < 0) return { id_caixa_ftth: "0", ftth_porta: "0", splitter: "" };
  return { id_caixa_ftth: String(Math.floor(k / FAKE_CTO_PORTS) + 1), ftth_porta: String((k % FAKE_CTO_PORTS) + 1), splitter: "1:8" };
}

function ftthPlant(radusuarios: IxcRecord[]): IxcTables {
  const onCto = radusuarios.filter((r) => r.id_caixa_ftth !== "0");
  const byCto = new Map<string, IxcRecord[]>();
  for (const r of onCto) {
    const list = byCto.get(r.id_caixa_ftth!) ?? [];
    list.push(r);
    byCto.set(r.id_caixa_ftth!, list);
  }
  const ponOf = (cto: number) => String(Math.floor((cto - 1) / FAKE_CTOS_PER_PON) % 16);
  const oltOf = (cto: number) => String(Math.floor((cto - 1) / (FAKE_CTOS_PER_PON * 16)) + 1);
  const rad_caixa_ftth: IxcRecord[] = [...byCto].map(([id, members]) => {
    const cto = Number(id);
    const lat = members.reduce((s, r) => s + Number(r.latitude || -22.9), 0) / members.length;
    const lng = members.reduce((s, r) => s + Number(r.longitude || -47.06), 0) / members.length;
    return { id, descricao: `CTO-${id.padStart(3, "0")}`, latitude: lat.toFixed(6), longitude: lng.toFixed(6), capacidade: String(FAKE_CTO_PORTS), id_transmissor: oltOf(cto), status: "A" };
  });
  const radpop_radio_cliente_fibra: IxcRecord[] = onCto.map((r, k) => ({
    id: String(k + 1), id_contrato: r.id_contrato ?? null, id_login: r.id ?? null, id_transmissor: oltOf(Number(r.id_caixa_ftth)), ponid: ponOf(Number(r.id_caixa_ftth)),
    id_caixa_ftth: r.id_caixa_ftth ?? null, porta_ftth: r.ftth_porta ?? null, serial_number: `FAKE${String(k + 1).padStart(8, "0")}`, sinal_rx: "-19.5",
  }));
  const radpop_radio: IxcRecord[] = [...new Set([...byCto.keys()].map((id) => oltOf(Number(id))))].map((id) => ({ id, descricao: `OLT Fake ${id}`, latitude: "", longitude: "" }));
  return { rad_caixa_ftth, radpop_radio_cliente_fibra, radpop_radio };
}
