// npm run token -- create --name "Opa! Suite" [--role AGENT] | list | revoke --id N
import { parseArgs } from "node:util";
import { createApiToken, listApiTokens, revokeApiToken } from "../lib/auth/api-tokens";
import { createTokenSchema } from "../lib/validation/api-token";
import { idParamSchema } from "../lib/validation/id";
import { runCli } from "./run-cli";

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, role: { type: "string" }, id: { type: "string" } },
  });
  const command = positionals[0];
  if (command === "create") {
    const input = createTokenSchema.parse({ name: values.name ?? "", role: values.role });
    const { token, record } = await createApiToken(input);
    console.log(`Token "${record.name}" (${record.role}) criado. Guarde-o agora: ele não será mostrado de novo.\n${token}`);
  } else if (command === "list") {
    for (const t of await listApiTokens()) {
      console.log(`${t.id}\t${t.prefix}…\t${t.name}\t${t.role}\t${t.revokedAt ? "revogado" : "ativo"}`);
    }
  } else if (command === "revoke") {
    const { id } = idParamSchema.parse({ id: values.id });
    await revokeApiToken(id);
    console.log(`Token ${id} revogado.`);
  } else {
    throw new Error('uso: npm run token -- create --name "Nome" [--role AGENT|ADMIN|MANAGER] | list | revoke --id N');
  }
}

runCli(main);
