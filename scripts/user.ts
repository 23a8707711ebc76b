// npm run user -- create --email … --name … --role ADMIN|AGENT|MANAGER --password … | deactivate --email …
import { parseArgs } from "node:util";
import { z } from "zod";
import { db } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import { runCli } from "./run-cli";

const createSchema = z.object({
  email: z.string().trim().toLowerCase().email("e-mail inválido"),
  name: z.string().trim().min(3, "nome com ao menos 3 letras"),
  role: z.enum(["ADMIN", "AGENT", "MANAGER"], { message: "perfil deve ser ADMIN, AGENT ou MANAGER" }),
  password: z.string().min(8, "senha com ao menos 8 caracteres"),
});

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, password: { type: "string" } },
  });
  if (positionals[0] === "create") {
    const input = createSchema.parse(values);
    await db.user.create({ data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) } });
    console.log(`Usuário ${input.email} (${input.role}) criado.`);
  } else if (positionals[0] === "deactivate") {
    const email = z.string().email("e-mail inválido").parse(values.email);
    await db.$transaction([
      db.user.update({ where: { email }, data: { active: false } }),
      db.session.deleteMany({ where: { user: { email } } }),
    ]);
    console.log(`Usuário ${email} desativado; sessões encerradas.`);
  } else {
    throw new Error("uso: npm run user -- create --email E --name N --role ADMIN|AGENT|MANAGER --password S | deactivate --email E");
  }
}

runCli(main);
