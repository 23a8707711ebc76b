"use client";
import { apiFetch } from "@/lib/api-client";
import { Button } from "./button";

export function LogoutButton() {
  async function onClick() {
    // Leave either way: a failed call still ends the session on this screen.
    await apiFetch("/api/v1/auth/logout", { method: "POST" }).catch(() => undefined);
    window.location.assign("/login");
  }
  return <Button variant="secondary" onClick={() => void onClick()} className="py-1">Sair</Button>;
}
