const BRL = new Intl.NumberFormat("pt-BR", { style: "currency", currency: "BRL" });

/** Integer cents as Brazilian reais for Portuguese text: 9990 → "R$ 99,90". */
export function formatCurrency(cents: number): string {
  // Intl separates "R$" from the amount with a no-break space; a plain space reads the same and is
  // simpler to match in flows and tests.
  return BRL.format(cents / 100).replace(/\u00a0/g, " ");
}
