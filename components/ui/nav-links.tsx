"use client";
// The main navigation, the signed-in user and "Sair". From the lg breakpoint up they sit in one row; below
// it (phones, small tablets) they fold behind a "Menu" button so the header never runs past the screen.
import { useId, useState } from "react";
import { usePathname } from "next/navigation";
import { LogoutButton } from "./logout-button";
import { Button } from "./button";

export function NavLinks({ items, userName, roleLabel }: { items: { href: string; label: string }[]; userName: string; roleLabel: string }) {
  const pathname = usePathname();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)} className="ml-auto lg:hidden">
        <span aria-hidden className="mr-1">{open ? "✕" : "☰"}</span>Menu
      </Button>
      <div id={panelId}
        className={`${open ? "flex" : "hidden"} w-full flex-col gap-2 border-t border-slate-100 pt-2 lg:flex lg:w-auto lg:flex-1 lg:flex-row lg:items-center lg:border-0 lg:pt-0`}>
        <nav aria-label="Principal" className="flex flex-col gap-1 lg:flex-row">
          {items.map((item) => {
            const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
            return (
              <a key={item.href} href={item.href} aria-current={active ? "page" : undefined}
                className={`rounded px-3 py-2 text-sm lg:py-1.5 ${active ? "bg-brand-50 font-semibold text-brand-700" : "text-slate-700 hover:bg-slate-100"}`}>
                {item.label}
              </a>
            );
          })}
        </nav>
        <div className="flex items-center justify-between gap-3 px-3 pb-1 text-sm lg:ml-auto lg:px-0 lg:pb-0">
          <span data-testid="current-user">
            {userName} <span className="text-slate-500">· {roleLabel}</span>
          </span>
          <LogoutButton />
        </div>
      </div>
    </>
  );
}
