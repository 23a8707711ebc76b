"use client";
// An accessible confirmation dialog on the native <dialog> element opened with showModal(): the rest of
// the page becomes inert, Tab and Shift+Tab wrap around inside it (without the wrap the browser would move
// focus out to its own toolbar), Esc closes it, focus returns to the button that opened it, and the title
// and text name it for screen readers (aria-labelledby / aria-describedby).
import { useEffect, useId, useRef } from "react";
import { Button, type ButtonVariant } from "./button";

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Keeps Tab inside the dialog: from the last control back to the first, and the other way round. */
function trapTab(e: React.KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== "Tab") return;
  const controls = Array.from(e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE));
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  /** Label of the button that closes without doing anything. */
  cancelLabel?: string;
  confirmVariant?: ButtonVariant;
  /** True while the confirmed action runs: both buttons wait. */
  busy?: boolean;
  /** A Portuguese error from the action, shown inside the dialog. */
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  open, title, children, confirmLabel, cancelLabel = "Voltar", confirmVariant = "primary", busy = false, error = null, onConfirm, onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  // Named effect: mirror `open` onto the native dialog (modal, so the page behind is inert).
  useEffect(function syncDialogOpen() {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} aria-labelledby={titleId} aria-describedby={bodyId}
      // Esc fires "cancel": close through the parent's state so both stay in step (and not while busy).
      onCancel={(e) => { e.preventDefault(); if (!busy) onCancel(); }}
      onKeyDown={trapTab}
      className="m-auto w-[calc(100%-2rem)] max-w-lg rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40">
      {open ? (
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">{title}</h2>
          <div id={bodyId} className="space-y-2 text-sm text-slate-700">{children}</div>
          {error ? <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">{error}</p> : null}
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            {/* The harmless choice takes the focus first. */}
            <Button variant="secondary" autoFocus disabled={busy} onClick={onCancel}>{cancelLabel}</Button>
            <Button variant={confirmVariant} disabled={busy} onClick={onConfirm}>{busy ? "Aguarde…" : confirmLabel}</Button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
