// A stand-alone dispatcher process for the kill -9 test (run with tsx, on the test's PostgreSQL database):
// dispatches the WhatsApp notices with a short lease, printing one line when it starts. The parent kills it
// (SIGKILL) while a group of sends is in flight.
import { closeDb } from "../../lib/db";
import { dispatchNotifications } from "../../lib/notifications/dispatch-notifications";

async function main() {
  const leaseMs = Number(process.argv[2] ?? 1_500);
  console.log("dispatching");
  await dispatchNotifications("WHATSAPP", { groupSize: 5, leaseMs });
  await closeDb();
}

main().catch(async (err) => {
  console.error(err);
  await closeDb().catch(() => undefined);
  process.exit(1);
});
