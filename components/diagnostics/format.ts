// Display formatting shared by the customer panel (pt-BR, São Paulo time).
const DATE_TIME = new Intl.DateTimeFormat("pt-BR", {
  timeZone: "America/Sao_Paulo", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit",
});
const NUMBER = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 });

export function formatDateTime(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return DATE_TIME.format(typeof value === "string" ? new Date(value) : value).replace(",", "");
}

/** 153600 MB → "150 GB". */
export function formatDataMb(mb: number): string {
  return mb >= 1024 ? `${NUMBER.format(mb / 1024)} GB` : `${NUMBER.format(mb)} MB`;
}
