// "Who" of rows that record an actor (userId or apiTokenId): the person's name, "token <name>", or null for
// Raio itself (the planned-start job). Two lookups whatever the number of rows.
import { db } from "../db";

export async function resolveActorNames<T extends { userId: number | null; apiTokenId: number | null }>(rows: readonly T[]): Promise<(T & { by: string | null })[]> {
  const userIds = [...new Set(rows.flatMap((e) => (e.userId ? [e.userId] : [])))];
  const tokenIds = [...new Set(rows.flatMap((e) => (e.apiTokenId ? [e.apiTokenId] : [])))];
  const [users, tokens] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    tokenIds.length ? db.apiToken.findMany({ where: { id: { in: tokenIds } }, select: { id: true, name: true } }) : [],
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const tokenName = new Map(tokens.map((t) => [t.id, t.name]));
  return rows.map((e) => ({
    ...e,
    by: e.userId ? (userName.get(e.userId) ?? `usuário ${e.userId}`) : e.apiTokenId ? `token ${tokenName.get(e.apiTokenId) ?? e.apiTokenId}` : null,
  }));
}
