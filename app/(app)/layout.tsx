import { requireUser } from "@/lib/auth/current-user";
import { navFor, ROLE_LABEL } from "@/lib/auth/roles";
import { NavLinks } from "@/components/ui/nav-links";
import { getEnv } from "@/lib/env";
import { TIME_ZONE_ATTRIBUTE } from "@/lib/format/time-zone";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const items = navFor(user.role).map(({ href, label }) => ({ href, label }));
  return (
    // The ISP's time zone travels to the browser here (lib/format/time-zone reads it back).
    <div className="flex min-h-full flex-col" {...{ [TIME_ZONE_ATTRIBUTE]: getEnv().RAIO_TIME_ZONE }}>
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-slate-200 bg-white px-4 py-2">
        <a href="/" className="flex items-center gap-1 text-lg font-bold"><span aria-hidden>⚡</span>Raio</a>
        <NavLinks items={items} userName={user.name} roleLabel={ROLE_LABEL[user.role]} />
      </header>
      <main className="min-w-0 flex-1 p-3 sm:p-4">{children}</main>
    </div>
  );
}
