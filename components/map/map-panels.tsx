"use client";
// The map's floating panels: the right-click menu, the drawing bar (points, logins inside, Concluir,
// Desfazer ponto, Cancelar), the draft and vertex-editing hints, and the notice at the top.
import { MAP_BUTTON } from "./map-toolbar";

/** A floating bar at the bottom centre of the map; it wraps rather than overflowing a phone's width. */
const BOTTOM_BAR = "absolute bottom-8 left-1/2 z-[500] flex w-max max-w-[calc(100%-1rem)] -translate-x-1/2 flex-wrap items-center justify-center gap-2 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-lg";

export function ContextMenu({ at, onDraw }: { at: { x: number; y: number }; onDraw: () => void }) {
  return (
    <ul role="menu" className="absolute z-[600] rounded border border-slate-300 bg-white py-1 text-sm shadow-lg" style={{ left: at.x, top: at.y }}>
      <li role="none">
        <button type="button" role="menuitem" className="block w-full whitespace-nowrap px-3 py-1.5 text-left hover:bg-slate-100" onClick={onDraw}>
          Inserir Região de Manutenção
        </button>
      </li>
    </ul>
  );
}

export function DrawingBar({ vertices, logins, onFinish, onUndo, onCancel }: {
  vertices: number;
  logins: number;
  onFinish: () => void;
  onUndo: () => void;
  onCancel: () => void;
}) {
  return (
    <div role="status" data-testid="drawing-panel" className={BOTTOM_BAR}>
      <span className="whitespace-nowrap">
        <strong data-testid="drawing-vertices">{vertices}</strong> pontos ·{" "}
        <strong data-testid="drawing-logins">{logins}</strong> logins dentro
      </span>
      <button type="button" className={MAP_BUTTON} disabled={vertices < 3} onClick={onFinish}>Concluir</button>
      <button type="button" className={MAP_BUTTON} disabled={vertices < 1} onClick={onUndo}>Desfazer ponto</button>
      <button type="button" className={MAP_BUTTON} onClick={onCancel}>Cancelar</button>
      <span className="hidden text-xs text-slate-500 lg:inline">Clique no primeiro ponto para fechar · Esc cancela · Backspace desfaz</span>
    </div>
  );
}

export function DraftHint({ error }: { error: string | null }) {
  return (
    <div role="status" data-testid="draft-panel" className={`${BOTTOM_BAR} flex-col`}>
      <span>Arraste os vértices para ajustar a região: o formulário salva o desenho atual.</span>
      {error ? <span className="text-red-700" data-testid="draft-error">{error}</span> : null}
    </div>
  );
}

export function EditingBar({ number, onSave, onDiscard }: { number: number | undefined; onSave: () => void; onDiscard: () => void }) {
  return (
    <div role="status" className={BOTTOM_BAR}>
      <span>Arraste os vértices da região da OS {number}.</span>
      <button type="button" className={MAP_BUTTON} onClick={onSave}>Salvar região</button>
      <button type="button" className={MAP_BUTTON} onClick={onDiscard}>Descartar edição</button>
    </div>
  );
}

export function MapNotice({ ok, text, onClose }: { ok: boolean; text: string; onClose: () => void }) {
  return (
    <div role={ok ? "status" : "alert"} data-testid="map-notice"
      className={`absolute left-1/2 top-14 z-[500] w-max max-w-[calc(100%-1rem)] -translate-x-1/2 rounded border px-3 py-2 text-sm shadow md:top-3 md:max-w-md ${ok ? "border-green-300 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}>
      {text}
      <button type="button" aria-label="Fechar aviso" className="ml-2 text-slate-500" onClick={onClose}>×</button>
    </div>
  );
}
