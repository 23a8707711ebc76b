// Applies a batch of login online/offline events, idempotently, in one transaction.
//
// Rules (per login):
// - the batch is collapsed to the login's latest event (ties: the last one sent); earlier ones are ignored;
// - an event older than the login's statusChangedAt is ignored (a late or replayed event never undoes a
//   newer change);
// - an event whose state equals the login's current one changes no state (it only moves lastSeenAt
//   forward); an event that flips it sets online, statusChangedAt = at and lastSeenAt;
// - the updates are guarded in SQL (statusChangedAt ≤ at, online differs), so two feeds racing on one
//   login leave the newest event's state, and replaying a batch changes nothing;
// - events dated beyond the server clock + RAIO_STATUS_MAX_SKEW_SECONDS are refused by the schema; a
//   statusChangedAt / lastSeenAt stored beyond that limit (written before the rule, or by a clock since
//   corrected) is not trusted: the next real event replaces it instead of being ignored as older.
// Logins are found by username (the RADIUS login); unknown usernames are listed, not refused.
// `touchUnchanged: false` (the ERP's online refresh): an event that flips nothing writes nothing. The ERP's
// online flag is a poll answer, not a sighting at `at`: moving every unchanged login's lastSeenAt to the poll
// instant would rewrite the whole table each pass and make an offline login look "seen" at every refresh.
// Location does not change, so the login-locations stamp is not bumped (the point index stays valid); a flip
// bumps the status stamp (the map's in-memory offline counts: lib/maintenance/login-status.ts).
import { db } from "../db";
import { probeByIndex } from "../db/probe-by-index";
import type { Principal } from "../auth/principal";
import { recordAudit } from "../audit/record-audit";
import { bumpStatusVersion } from "../maintenance/geo-version";
import { latestStatusInstantMs, type LoginStatusEvent } from "../validation/login-status";

export interface ApplyStatusResult {
  /** Logins whose online state flipped. */
  updated: number;
  /** Events that changed no state: older than the login's last change, repeated, or superseded in the batch. */
  ignored: number;
  /** Usernames not found, in the order first sent. */
  unknown: string[];
}

interface LoginRow {
  id: number;
  username: string;
  online: boolean;
  changed_ms: number | null;
}

// Timestamps travel as ISO text and are cast to UTC "timestamp(3)" (Prisma's DateTime columns).
const AS_TIMESTAMP = `::timestamptz AT TIME ZONE 'UTC'`;

export async function applyLoginStatus(
  events: readonly LoginStatusEvent[],
  principal: Principal | null,
  opts: { touchUnchanged?: boolean } = {},
): Promise<ApplyStatusResult> {
  const touchUnchanged = opts.touchUnchanged ?? true;
  const latest = new Map<string, LoginStatusEvent>();
  for (const e of events) {
    const seen = latest.get(e.login);
    if (!seen || e.at.getTime() >= seen.at.getTime()) latest.set(e.login, e);
  }
  const superseded = events.length - latest.size;
  const limitMs = latestStatusInstantMs();
  const limit = new Date(limitMs).toISOString();

  return db.$transaction(async (tx) => {
    const usernames = [...latest.keys()];
    // A b-tree probe per name and per id (lib/db/probe-by-index): never a read of the whole Login table, nor
    // its trigram GIN index, for a page of names.
    await probeByIndex(tx);
    const rows = await tx.$queryRawUnsafe<LoginRow[]>(
      `SELECT l.id, l.username, l.online, (EXTRACT(EPOCH FROM l."statusChangedAt") * 1000)::float8 AS changed_ms
         FROM unnest($1::text[]) AS k(name) JOIN "Login" l ON l.username = k.name`,
      usernames,
    );
    const byName = new Map(rows.map((r) => [r.username, r]));
    const unknown = usernames.filter((u) => !byName.has(u));

    const flipIds: number[] = [];
    const flipOnline: boolean[] = [];
    const flipAt: string[] = [];
    const seenIds: number[] = [];
    const seenAt: string[] = [];
    for (const [username, e] of latest) {
      const row = byName.get(username);
      if (!row) continue;
      const changedMs = row.changed_ms === null ? null : Number(row.changed_ms);
      if (changedMs !== null && changedMs <= limitMs && e.at.getTime() < changedMs) continue; // stale
      if (row.online !== e.online) {
        flipIds.push(row.id);
        flipOnline.push(e.online);
        flipAt.push(e.at.toISOString());
      } else if (touchUnchanged) {
        seenIds.push(row.id);
        seenAt.push(e.at.toISOString());
      }
    }

    const updated = flipIds.length
      ? await tx.$executeRawUnsafe(
          `UPDATE "Login" l
              SET online = v.online, "statusChangedAt" = v.at${AS_TIMESTAMP},
                  "lastSeenAt" = CASE WHEN l."lastSeenAt" > $4${AS_TIMESTAMP} THEN v.at${AS_TIMESTAMP}
                                      ELSE GREATEST(l."lastSeenAt", v.at${AS_TIMESTAMP}) END,
                  "updatedAt" = CURRENT_TIMESTAMP
             FROM unnest($1::int[], $2::boolean[], $3::text[]) AS v(id, online, at)
            WHERE l.id = v.id AND l.online <> v.online
              AND (l."statusChangedAt" IS NULL OR l."statusChangedAt" <= v.at${AS_TIMESTAMP} OR l."statusChangedAt" > $4${AS_TIMESTAMP})`,
          flipIds, flipOnline, flipAt, limit,
        )
      : 0;
    if (seenIds.length) {
      await tx.$executeRawUnsafe(
        `UPDATE "Login" l SET "lastSeenAt" = CASE WHEN l."lastSeenAt" IS NULL OR l."lastSeenAt" > $3${AS_TIMESTAMP} THEN v.at${AS_TIMESTAMP}
                                    ELSE GREATEST(l."lastSeenAt", v.at${AS_TIMESTAMP}) END,
                "statusChangedAt" = CASE WHEN l."statusChangedAt" > $3${AS_TIMESTAMP} THEN v.at${AS_TIMESTAMP} ELSE l."statusChangedAt" END
           FROM unnest($1::int[], $2::text[]) AS v(id, at)
          WHERE l.id = v.id AND (l."lastSeenAt" IS NULL OR l."lastSeenAt" < v.at${AS_TIMESTAMP} OR l."lastSeenAt" > $3${AS_TIMESTAMP}
                                 OR l."statusChangedAt" > $3${AS_TIMESTAMP})`,
        seenIds, seenAt, limit,
      );
    }
    if (updated > 0) {
      await bumpStatusVersion(tx);
      await recordAudit(tx, principal, "login.status-feed", { type: "Login", id: "batch" }, { events: events.length, updated, unknown: unknown.length });
    }
    const known = latest.size - unknown.length;
    return { updated, ignored: superseded + (known - updated), unknown };
  });
}
