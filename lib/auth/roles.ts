// Who may do what: one table for pages and actions, read by the navigation, the pages and the API.
import type { Role } from "../db/generated/enums";

export const ROLE_LABEL: Record<Role, string> = {
  ADMIN: "Administrador de rede",
  AGENT: "Atendente",
  MANAGER: "Gestor",
};

export const PERMISSIONS = {
  "clientes.read": ["ADMIN", "AGENT", "MANAGER"],
  "clientes.act": ["AGENT"], // trust unlock, second copy: agent-only actions
  "mapa.read": ["ADMIN", "AGENT", "MANAGER"],
  "ordens.read": ["ADMIN", "AGENT", "MANAGER"],
  "ordens.write": ["ADMIN"],
  "assuntos.write": ["ADMIN"],
  "painel.read": ["ADMIN", "MANAGER"],
  "descontos.read": ["ADMIN", "MANAGER"],
  "configuracoes.write": ["ADMIN"],
  "contatos.write": ["ADMIN", "AGENT"],
  // The login status feed (RADIUS accounting / monitoring): a token with role ADMIN or AGENT.
  "logins.status": ["ADMIN", "AGENT"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

// Only pages that work are listed; later features add theirs here.
export const NAV_ITEMS: NavItem[] = [
  { href: "/clientes", label: "Clientes", permission: "clientes.read" },
  { href: "/mapa", label: "Mapa", permission: "mapa.read" },
  { href: "/ordens", label: "Ordens de Serviço", permission: "ordens.read" },
  { href: "/assuntos", label: "Assuntos", permission: "assuntos.write" },
  { href: "/painel", label: "Painel gerencial", permission: "painel.read" },
  { href: "/configuracoes", label: "Configurações", permission: "configuracoes.write" },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => can(role, item.permission));
}
