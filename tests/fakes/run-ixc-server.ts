// `npm run fake:ixc -- [--port 8089] [--customers 5000] [--seed 42] [--page-delay 20]`: the fake IXC webservice
// stand-alone, for the demo and for the benchmark. Prints the URL, user id and token to put in
// Configurações → Integrações.
import { parseArgs } from "node:util";
import { startFakeIxc } from "./ixc-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "8089" },
    customers: { type: "string", default: "5000" },
    seed: { type: "string", default: "42" },
    "page-delay": { type: "string", default: "0" },
  },
});

const fake = await startFakeIxc({ customers: Number(values.customers), seed: Number(values.seed), port: Number(values.port) });
fake.faults.pageDelayMs = Number(values["page-delay"]);
console.log(`IXC falso em ${fake.url} (${values.customers} clientes)`);
console.log(`  usuário do webservice: ${fake.userId}`);
console.log(`  token: ${fake.token}`);
console.log("Ctrl+C para parar.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void fake.close().then(() => process.exit(0)));
}
