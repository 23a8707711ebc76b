// A message box in one of four tones. Errors are alerts (read out at once); the others are polite status.
export type NoticeTone = "info" | "success" | "warning" | "error";

const TONE: Record<NoticeTone, string> = {
  info: "border-brand-100 bg-brand-50 text-brand-700",
  success: "border-green-300 bg-green-50 text-green-800",
  warning: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-800",
};

export function Notice({ tone = "info", className = "", children, ...rest }: React.HTMLAttributes<HTMLDivElement> & { tone?: NoticeTone }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded border p-2 text-sm ${TONE[tone]} ${className}`.trim()} {...rest}>
      {children}
    </div>
  );
}
