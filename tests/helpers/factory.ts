// Test data built through the real database: people with sessions and tokens, and ERP records.
import { db, type Prisma, type Role } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { SESSION_COOKIE, loginWithPassword } from "@/lib/auth/sessions";
import { createApiToken } from "@/lib/auth/api-tokens";
import { generateCpf } from "@/lib/validation/document";
import { bumpLoginsVersion } from "@/lib/maintenance/geo-version";

let counter = 0;
const next = () => ++counter;
const rng = () => Math.random();

export async function createUser(role: Role, password = "senha-de-teste") {
  const n = next();
  const user = await db.user.create({
    data: { email: `${role.toLowerCase()}${n}@teste.local`, name: `Pessoa ${role} ${n}`, role, passwordHash: await hashPassword(password) },
  });
  return { user, password };
}

/** A logged-in person: returns the Cookie header value to send. */
export async function loginAs(role: Role) {
  const { user, password } = await createUser(role);
  const { token } = await loginWithPassword(user.email, password);
  return { user, cookie: `${SESSION_COOKIE}=${token}` };
}

export async function createBearer(role: Role = "AGENT", name = "chatbot de teste") {
  const { token, record } = await createApiToken({ name, role });
  return { token, record };
}

export async function createBranch() {
  return db.branch.create({ data: { name: "Filial Teste", central: "Central Teste", centralPhone: "551932320100", city: "Campinas" } });
}

export async function createPlan(overrides: Partial<Prisma.PlanUncheckedCreateInput> = {}) {
  return db.plan.create({
    data: { name: `Plano ${next()}`, downloadMbps: 300, uploadMbps: 150, priceCents: 9990, allowanceGb: null, technology: "FIBRA", ...overrides },
  });
}

export interface CustomerSpec {
  customer?: Partial<Prisma.CustomerUncheckedCreateInput>;
  contract?: Partial<Prisma.ContractUncheckedCreateInput>;
  login?: Partial<Prisma.LoginUncheckedCreateInput> | null;
  plan?: Partial<Prisma.PlanUncheckedCreateInput>;
  phone?: string;
  lng?: number;
  lat?: number;
}

/** A customer with one contract and one login at (lng, lat); every part can be overridden. */
export async function createCustomer(spec: CustomerSpec = {}) {
  const n = next();
  const branch = await createBranch();
  const plan = await createPlan(spec.plan);
  const customer = await db.customer.create({
    data: {
      name: `Cliente Teste ${n}`,
      document: generateCpf(rng),
      city: "Campinas",
      state: "SP",
      branchId: branch.id,
      lat: spec.lat ?? -22.9,
      lng: spec.lng ?? -47.06,
      street: "Rua Teste",
      number: String(n),
      neighborhood: "Centro",
      ...spec.customer,
    },
  });
  if (spec.phone) await db.customerPhone.create({ data: { customerId: customer.id, phone: spec.phone } });
  const contract = await db.contract.create({
    data: { customerId: customer.id, planId: plan.id, status: "ATIVO", accessStatus: "ATIVO", ...spec.contract },
  });
  const login =
    spec.login === null
      ? null
      : await db.login.create({
          data: { contractId: contract.id, username: `login.teste${n}.${Date.now()}`, status: "ATIVO", online: true, technology: plan.technology, lastSeenAt: new Date(), ...spec.login },
        });
  // Every write that adds or moves a login bumps the login-locations stamp, as the import does.
  await db.$transaction((tx) => bumpLoginsVersion(tx));
  return { customer, contract, login, plan, branch };
}
