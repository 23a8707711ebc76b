// The ERP connection, kept in its own Setting row ("erp") so that the general settings (readable by every
// signed-in person) never carry it. The webservice token is stored encrypted (lib/secrets) and is never
// answered back: the view says only whether and when it was set.
import { db, type Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { unavailable } from "../errors";
import { decryptSecret, getSecretKeyOrThrow, SecretKeyError } from "../secrets/secret-box";
import { openSecret, sealSecret } from "../secrets/seal-secret";
import { erpConnectionPatchSchema, erpConnectionSchema, type ErpConnection, type ErpConnectionView } from "../validation/erp";

export const ERP_SETTING_KEY = "erp";
const KEY_PURPOSE = "a integração com o ERP (o token do webservice é guardado cifrado)";

export async function getErpConnection(): Promise<ErpConnection> {
  const row = await db.setting.findUnique({ where: { key: ERP_SETTING_KEY }, select: { value: true } });
  const parsed = erpConnectionSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : erpConnectionSchema.parse({});
}

export function describeErpConnection(c: ErpConnection): ErpConnectionView {
  return {
    kind: c.kind, baseUrl: c.baseUrl, userId: c.userId, tokenSet: c.tokenEncrypted !== null, tokenSetAt: c.tokenSetAt,
    allowSelfSigned: c.allowSelfSigned, enabled: c.enabled, incrementalEveryMinutes: c.incrementalEveryMinutes,
    onlineEverySeconds: c.onlineEverySeconds,
  };
}

/** Whether a connection is configured (URL, user and token all set). */
export function isErpConfigured(c: ErpConnection): boolean {
  return c.baseUrl !== null && c.userId !== null && c.tokenEncrypted !== null;
}

/** Saves a change; a new token is encrypted with RAIO_SECRET_KEY (missing key: 503 with the reason). */
export async function saveErpConnection(patch: unknown, principal: Principal | null): Promise<ErpConnectionView> {
  const change = erpConnectionPatchSchema.parse(patch);
  const current = await getErpConnection();
  let tokenEncrypted = current.tokenEncrypted;
  let tokenSetAt = current.tokenSetAt;
  if (change.token !== undefined) {
    if (change.token === null) {
      tokenEncrypted = null;
      tokenSetAt = null;
    } else {
      tokenEncrypted = sealSecret(change.token, KEY_PURPOSE);
      tokenSetAt = new Date().toISOString();
    }
  }
  const { token: _omit, ...rest } = change;
  const next = erpConnectionSchema.parse({ ...current, ...rest, tokenEncrypted, tokenSetAt });
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({
      where: { key: ERP_SETTING_KEY },
      create: { key: ERP_SETTING_KEY, value: next as Prisma.InputJsonValue },
      update: { value: next as Prisma.InputJsonValue },
    });
    // The audit names what changed, never the token.
    await recordAudit(tx, principal, "erp.configure", { type: "Setting", id: ERP_SETTING_KEY }, {
      fields: Object.keys(rest), tokenChanged: change.token !== undefined,
    });
  });
  return describeErpConnection(next);
}

/** The connection with its token decrypted, for the connector. Throws 503 when it cannot be used. */
export async function loadErpCredentialsOrThrow(): Promise<ErpConnection & { baseUrl: string; userId: string; token: string }> {
  const c = await getErpConnection();
  if (!c.baseUrl || !c.userId || !c.tokenEncrypted) {
    throw unavailable("Integração com o ERP não configurada: informe URL, usuário e token em Configurações → Integrações.");
  }
  return { ...c, baseUrl: c.baseUrl, userId: c.userId, token: openSecret(c.tokenEncrypted, KEY_PURPOSE) };
}

/**
 * The start-up check: a configured connection whose token cannot be opened (RAIO_SECRET_KEY missing,
 * malformed or changed) is a configuration error the operator must see at once, not at the first sync.
 * Returns the message, or null when all is well.
 */
export async function checkErpSecretsAtStartup(): Promise<string | null> {
  const c = await getErpConnection();
  if (!c.tokenEncrypted) return null;
  try {
    decryptSecret(c.tokenEncrypted, getSecretKeyOrThrow(KEY_PURPOSE));
    return null;
  } catch (err) {
    if (err instanceof SecretKeyError) return err.message;
    throw err;
  }
}

