// For server components and pages: the logged-in user, or a redirect to the login page.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { principalFromSession, SESSION_COOKIE } from "./sessions";
import { can, type Permission } from "./roles";
import type { Principal } from "./principal";

export type UserPrincipal = Extract<Principal, { kind: "user" }>;

export async function currentUser(): Promise<UserPrincipal | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const p = await principalFromSession(token);
  return p?.kind === "user" ? p : null;
}

export async function requireUser(): Promise<UserPrincipal> {
  const user = await currentUser();
  if (!user) redirect("/login");
  return user;
}

/** Returns the user when allowed; `null` means the page must show "access denied". */
export async function requirePermission(permission: Permission): Promise<{ user: UserPrincipal; allowed: boolean }> {
  const user = await requireUser();
  return { user, allowed: can(user.role, permission) };
}
