// The app's buttons: one look per intent, so a screen never hand-writes button classes.
export type ButtonVariant = "primary" | "secondary" | "danger" | "warning" | "link";

const VARIANT: Record<ButtonVariant, string> = {
  primary: "rounded bg-brand-600 px-3 py-1.5 text-white hover:bg-brand-700",
  secondary: "rounded border border-slate-300 bg-white px-3 py-1.5 text-slate-800 hover:bg-slate-100",
  danger: "rounded border border-red-300 bg-white px-3 py-1.5 text-red-700 hover:bg-red-50",
  warning: "rounded bg-amber-600 px-3 py-1.5 font-medium text-white hover:bg-amber-700",
  link: "text-brand-700 underline hover:text-brand-600",
};

/** The class string of a variant, for links that look like buttons. */
export function buttonClass(variant: ButtonVariant = "primary", extra = ""): string {
  return `${VARIANT[variant]} text-sm disabled:cursor-not-allowed disabled:opacity-50 ${extra}`.trim();
}

export function Button({ variant = "primary", className = "", type = "button", ...rest }: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...rest} />;
}
