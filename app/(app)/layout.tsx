import { requireUser } from "@/lib/auth/current-user";
import { navFor, ROLE_LABEL } from "@/lib/auth/roles";
import { NavLinks } from "@/components/ui/nav-links";
import { LogoutButton } from "@/components/ui/logout-button";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const items = navFor(user.role).map(({ href, label }) => ({ href, label }));
  return (
    <div className="flex min-h-full flex-col">
      <header className="flex items-center gap-6 border-b border-slate-200 bg-white px-4 py-2">
        <a href="/" className="flex items-center gap-1 text-lg font-bold"><span aria-hidden>⚡</span>Raio</a>
        <NavLinks items={items} />
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span data-testid="current-user">
            {user.name} <span className="text-slate-500">· {ROLE_LABEL[user.role]}</span>
          </span>
          <LogoutButton />
        </div>
      </header>
      <main className="flex-1 p-4">{children}</main>
    </div>
  );
}
