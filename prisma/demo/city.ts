// Campinas (SP), DDD 19: neighbourhoods with their centres and plausible streets. Coordinates are
// approximate centres of real neighbourhoods; streets are laid as straight segments through them.

export const CITY = { name: "Campinas", state: "SP", ddd: "19", center: [-47.0608, -22.9056] as [number, number] };

export interface Neighborhood {
  name: string;
  lng: number;
  lat: number;
  /** Relative share of the customers. */
  weight: number;
  branch: "centro" | "barao" | "sousas";
  zip: string;
  streets: string[];
}

export const NEIGHBORHOODS: Neighborhood[] = [
  { name: "Centro", lng: -47.0608, lat: -22.9056, weight: 10, branch: "centro", zip: "13010", streets: ["Rua Barão de Jaguara", "Rua Treze de Maio", "Av. Francisco Glicério", "Rua Conceição", "Rua General Osório"] },
  { name: "Cambuí", lng: -47.0525, lat: -22.8935, weight: 9, branch: "centro", zip: "13024", streets: ["Rua Coronel Quirino", "Rua Maria Monteiro", "Av. Júlio de Mesquita", "Rua Sampainho", "Rua Olavo Bilac"] },
  { name: "Taquaral", lng: -47.0575, lat: -22.8730, weight: 8, branch: "centro", zip: "13076", streets: ["Av. Heitor Penteado", "Rua Dr. Antônio Castro Prado", "Rua Padre Almeida Garret", "Av. Nossa Senhora de Fátima"] },
  { name: "Castelo", lng: -47.0825, lat: -22.8795, weight: 7, branch: "centro", zip: "13070", streets: ["Av. Andrade Neves", "Rua Dr. Alberto de Cerqueira Lima", "Rua Bárbara de Oliveira"] },
  { name: "Jardim Proença", lng: -47.0455, lat: -22.9135, weight: 6, branch: "centro", zip: "13026", streets: ["Rua Guilherme da Silva", "Av. Prefeito Faria Lima", "Rua Dr. Sales de Oliveira"] },
  { name: "Vila Industrial", lng: -47.0705, lat: -22.9155, weight: 6, branch: "centro", zip: "13035", streets: ["Rua Sales de Oliveira", "Rua Dr. Mascarenhas", "Av. Sales de Oliveira"] },
  { name: "Ouro Verde", lng: -47.1275, lat: -22.9715, weight: 9, branch: "centro", zip: "13056", streets: ["Av. Ruy Rodriguez", "Rua Manoel Gomes Ferreira", "Rua Antônio Bernardo da Silva", "Rua Lourenço Messias"] },
  { name: "Campo Grande", lng: -47.1595, lat: -22.8985, weight: 8, branch: "centro", zip: "13060", streets: ["Av. John Boyd Dunlop", "Rua Armando Frederico Renganeschi", "Rua Mário Natividade"] },
  { name: "Barão Geraldo", lng: -47.0715, lat: -22.8165, weight: 8, branch: "barao", zip: "13084", streets: ["Av. Albino J. B. de Oliveira", "Rua Horácio Leonardi", "Rua Eduardo Modesto", "Av. Santa Isabel"] },
  { name: "Cidade Universitária", lng: -47.0655, lat: -22.8305, weight: 5, branch: "barao", zip: "13083", streets: ["Rua Roxo Moreira", "Av. Dr. Romeu Tórtima", "Rua Carlos Gomes"] },
  { name: "Sousas", lng: -46.9705, lat: -22.8795, weight: 5, branch: "sousas", zip: "13105", streets: ["Av. Antônio Carlos Couto de Barros", "Rua Maria Cecília Franco do Amaral", "Rua Dr. Guilherme Campos"] },
  { name: "Joaquim Egídio", lng: -46.9335, lat: -22.8855, weight: 2, branch: "sousas", zip: "13108", streets: ["Rua Heitor de Castro Coelho", "Estrada da Fazenda Santa Maria"] },
  { name: "Nova Campinas", lng: -47.0405, lat: -22.9025, weight: 4, branch: "centro", zip: "13092", streets: ["Rua Engenheiro Monlevade", "Rua Jorge Krug", "Av. Brasil"] },
  { name: "Jardim Chapadão", lng: -47.0785, lat: -22.8905, weight: 5, branch: "centro", zip: "13070", streets: ["Rua Pedro Vieira da Silva", "Rua Dr. Pedro Pinto de Almeida", "Rua Carolina Prado Penteado"] },
];

export const BRANCHES = {
  centro: { externalId: "F1", name: "Campinas Centro", central: "Central Campinas Centro", centralPhone: "551932320100" },
  barao: { externalId: "F2", name: "Barão Geraldo", central: "Central Barão Geraldo", centralPhone: "551932890200" },
  sousas: { externalId: "F3", name: "Sousas e Joaquim Egídio", central: "Central Sousas", centralPhone: "551932580300" },
} as const;

export const PLANS = [
  { externalId: "P1", name: "Fibra 300 Mega", downloadMbps: 300, uploadMbps: 150, priceCents: 9990, allowanceGb: null, technology: "FIBRA" },
  { externalId: "P2", name: "Fibra 500 Mega", downloadMbps: 500, uploadMbps: 250, priceCents: 11990, allowanceGb: null, technology: "FIBRA" },
  { externalId: "P3", name: "Fibra 1 Giga", downloadMbps: 1000, uploadMbps: 500, priceCents: 17990, allowanceGb: null, technology: "FIBRA" },
  { externalId: "P4", name: "Rádio 20 Mega", downloadMbps: 20, uploadMbps: 5, priceCents: 7990, allowanceGb: 200, technology: "RADIO" },
  { externalId: "P5", name: "Rádio 50 Mega", downloadMbps: 50, uploadMbps: 10, priceCents: 9990, allowanceGb: 400, technology: "RADIO" },
  { externalId: "P6", name: "ADSL 10 Mega", downloadMbps: 10, uploadMbps: 1, priceCents: 5990, allowanceGb: 100, technology: "ADSL" },
] as const;

export const FIRST_NAMES = [
  "Ana", "Maria", "Juliana", "Fernanda", "Patrícia", "Aline", "Camila", "Amanda", "Bruna", "Letícia", "Mariana", "Beatriz",
  "Larissa", "Gabriela", "Vanessa", "Carla", "Adriana", "Renata", "Luciana", "Tatiane", "Débora", "Sandra", "Simone", "Cláudia",
  "José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos", "Luís", "Gabriel", "Rafael",
  "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Raimundo", "Rodrigo", "Thiago", "Gustavo", "André", "Fábio", "Leonardo",
  "Vinícius", "Mateus", "Diego", "Ricardo", "Sérgio", "Roberto", "Igor", "Caio", "Murilo", "Otávio", "Heloísa", "Isabela",
];

export const LAST_NAMES = [
  "Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro",
  "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento",
  "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Ramos", "Gonçalves", "Santana",
  "Teixeira", "Araújo", "Pinto", "Correia", "Moura", "Cavalcanti", "Monteiro", "Campos", "Batista", "Prado", "Penteado",
];

export const COMPANY_WORDS = [
  "Padaria", "Mercearia", "Auto Peças", "Clínica", "Escritório", "Restaurante", "Farmácia", "Oficina", "Pet Shop",
  "Papelaria", "Academia", "Salão", "Consultoria", "Contabilidade", "Distribuidora",
];
