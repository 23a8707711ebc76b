// Dates and numbers as people in Brazil read them (the provider's time zone, not the server's).
const TZ = "America/Sao_Paulo";
const dateTime = new Intl.DateTimeFormat("pt-BR", { dateStyle: "short", timeStyle: "short", timeZone: TZ });
const integer = new Intl.NumberFormat("pt-BR");

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  return dateTime.format(typeof value === "string" ? new Date(value) : value);
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
