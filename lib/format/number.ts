// Money and numbers as people in Brazil read them.
const BRL = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });
const integer = new Intl.NumberFormat("pt-BR");
const oneDecimal = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat("pt-BR", { maximumFractionDigits: 2 });

/** Integer cents as Brazilian reais for Portuguese text: 9990 → "R$ 99,90". */
export function formatCurrency(cents: number): string {
  // Intl separates "R$" from the amount with a no-break space; a plain space reads the same and is
  // simpler to match in flows and tests.
  return BRL.format(cents / 100).replace(/\u00a0/g, " ");
}

/** 12345 → "12.345". */
export function formatInteger(n: number): string {
  return integer.format(n);
}

/** 153600 MB → "150 GB". */
export function formatDataMb(mb: number): string {
  return mb >= 1024 ? `${oneDecimal.format(mb / 1024)} GB` : `${oneDecimal.format(mb)} MB`;
}

/** An area: "850 m²" below 1 km², "1,25 km²" from there. */
export function formatArea(m2: number): string {
  return m2 >= 1_000_000 ? `${twoDecimals.format(m2 / 1_000_000)} km²` : `${integer.format(Math.round(m2))} m²`;
}
