// Street names as people type them and as the ERP stores them ("R. das Flores", "Rua das Flores, 120",
// "RUA DAS FLÔRES") reduced to one comparable form: lower case, no accents or punctuation, no leading street
// type, no house number.
const STREET_TYPES = /^(rua|r|avenida|av|travessa|tv|trav|alameda|al|estrada|estr|est|praca|pc|pca|rodovia|rod|largo|lgo|viela|beco|via)\s+/;

export function normalizeStreet(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(",")[0]!
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(STREET_TYPES, "")
    .replace(/\s+\d+[a-z]?$/, "")
    .trim();
}
