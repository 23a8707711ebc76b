"use client";

export function LogoutButton() {
  async function onClick() {
    await fetch("/api/v1/auth/logout", { method: "POST" }).catch(() => undefined);
    window.location.assign("/login");
  }
  return (
    <button type="button" onClick={onClick} className="rounded border border-slate-300 px-3 py-1 hover:bg-slate-100">
      Sair
    </button>
  );
}
