"use client";
// A labelled form control with its hint and error message, and the date-time input every screen uses:
// it shows and reads the ISP's wall clock (never the browser's zone) and names the zone beside the label.
import { useId } from "react";
import { timeZoneLabel } from "@/lib/format/time-zone";

/** Classes of a text-like input, select or textarea. */
export const INPUT_CLASS = "mt-1 block w-full rounded border border-slate-300 px-2 py-1.5 text-sm";

export function Field({ label, hint, error, className = "block text-sm", children }: {
  label: React.ReactNode;
  hint?: React.ReactNode;
  /** A Portuguese message about this field (from the API's `field` or a local check). */
  error?: string | null;
  className?: string;
  /** The control; Field gives it the label by nesting. */
  children: React.ReactNode;
}) {
  return (
    <label className={className}>
      {label}
      {hint ? <span className="ml-1 text-xs text-slate-500">{hint}</span> : null}
      {children}
      {error ? <span role="alert" className="mt-1 block text-xs text-red-700">{error}</span> : null}
    </label>
  );
}

/** An <input type="datetime-local"> in the ISP's time zone; the value is "YYYY-MM-DDTHH:mm" on that clock. */
export function DateTimeField({ label, error, className, inputClassName = INPUT_CLASS, ...input }: Omit<React.InputHTMLAttributes<HTMLInputElement>, "type"> & {
  label: string;
  error?: string | null;
  className?: string;
  inputClassName?: string;
}) {
  const hintId = useId();
  return (
    <Field label={label} hint={<span id={hintId} data-testid="time-zone-label">({timeZoneLabel()})</span>} error={error} className={className}>
      <input type="datetime-local" aria-describedby={hintId} className={inputClassName} {...input} />
    </Field>
  );
}
