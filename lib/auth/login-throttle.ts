// Login brute-force protection: failed attempts are counted per client IP and per account (e-mail, known or
// not) in the database, so every worker and instance shares the counts. Past the allowed failures in the
// window, further attempts are refused with 429 and Retry-After before the password is even checked, and
// each further failure doubles the wait (BASE_LOCK_S, 2×, 4×, … up to RAIO_LOGIN_MAX_LOCK_S).
// A successful login clears the account's counter (not the IP's: one good password must not reset an
// attacker's count against the other accounts).
import { db } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import { getEnv } from "../env";
import { tooManyRequests } from "../errors";

/** The first lock lasts this long; each failure past the limit doubles it. */
const BASE_LOCK_S = 30;

export interface ThrottleKeys {
  ip: string;
  account: string;
}

function keysOf(k: ThrottleKeys): { key: string; max: number }[] {
  const env = getEnv();
  return [
    { key: `ip:${k.ip}`, max: env.RAIO_LOGIN_MAX_FAILURES_PER_IP },
    { key: `account:${k.account}`, max: env.RAIO_LOGIN_MAX_FAILURES_PER_ACCOUNT },
  ];
}

/** Throws 429 with Retry-After while the IP or the account is locked. */
export async function assertLoginAllowed(k: ThrottleKeys, now = Date.now()): Promise<void> {
  const rows = await db.loginThrottle.findMany({
    where: { key: { in: keysOf(k).map((x) => x.key) }, lockedUntil: { gt: new Date(now) } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  if (until > now) {
    const waitS = Math.ceil((until - now) / 1000);
    throw tooManyRequests(`Muitas tentativas de login. Tente de novo em ${waitS} s.`, waitS);
  }
}

async function countFailure(key: string, max: number, now: number): Promise<void> {
  const env = getEnv();
  const at = new Date(now);
  const row = await db.loginThrottle.findUnique({ where: { key }, select: { failures: true, windowStart: true, lockedUntil: true } });
  let failures: number;
  const windowOver = row && row.windowStart.getTime() < now - env.RAIO_LOGIN_WINDOW_S * 1000 && !(row.lockedUntil && row.lockedUntil.getTime() > now);
  if (!row || windowOver) {
    failures = 1;
    await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: at, updatedAt: at },
      update: { failures, windowStart: at, lockedUntil: null, updatedAt: at },
    });
  } else {
    // Atomic increment: concurrent failures from several workers all count.
    failures = (await db.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 }, updatedAt: at }, select: { failures: true } })).failures;
  }
  if (failures >= max) {
    const lockS = Math.min(env.RAIO_LOGIN_MAX_LOCK_S, BASE_LOCK_S * 2 ** Math.min(failures - max, 20));
    await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now + lockS * 1000) } });
  }
}

export async function recordLoginFailure(k: ThrottleKeys, now = Date.now()): Promise<void> {
  for (const { key, max } of keysOf(k)) {
    try {
      await countFailure(key, max, now);
    } catch (err) {
      // Two first failures at once: the loser of the insert race counts again on the row that now exists.
      if (!isUniqueViolation(err)) throw err;
      await countFailure(key, max, now);
    }
  }
}

export async function clearAccountFailures(account: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `account:${account}` } });
}
