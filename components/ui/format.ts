// Dates, money and numbers as people in Brazil read them (the provider's time zone, not the server's).
import { formatSaoPauloDateTime } from "@/lib/diagnostics/sao-paulo-time";
const integer = new Intl.NumberFormat("pt-BR");
const oneDecimal = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 });

/** An instant in São Paulo time, "23/11/2026 14:05" (the same text the API and messages use); "—" when absent. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  return formatSaoPauloDateTime(typeof value === "string" ? new Date(value) : value);
}

/** Integer cents as reais, "R$ 99,90". */
export { formatCurrency as formatMoney } from "@/lib/diagnostics/format-currency";

/** 153600 MB → "150 GB". */
export function formatDataMb(mb: number): string {
  return mb >= 1024 ? `${oneDecimal.format(mb / 1024)} GB` : `${oneDecimal.format(mb)} MB`;
}

export function formatInteger(n: number): string {
  return integer.format(n);
}

export function formatArea(m2: number): string {
  return m2 >= 1_000_000 ? `${new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 2 }).format(m2 / 1_000_000)} km²` : `${integer.format(Math.round(m2))} m²`;
}

/** A Date as the value of an <input type="datetime-local"> in the browser's zone. */
export function toLocalInput(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
