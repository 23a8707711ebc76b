"use client";
// Previous / next page buttons with "Página X de Y"; hidden when everything fits on one page.
import { Button } from "./button";
export function Pager({ page, pages, onPage, label = "Páginas" }: { page: number; pages: number; onPage: (page: number) => void; label?: string }) {
  if (pages <= 1) return null;
  return (
    <nav aria-label={label} className="flex items-center gap-2 text-sm">
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPage(page - 1)}>Anterior</Button>
      <span>Página {page} de {pages}</span>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPage(page + 1)}>Próxima</Button>
    </nav>
  );
}
