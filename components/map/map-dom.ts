// DOM for Leaflet's own sinks (tooltips, divIcons). Leaflet parses a string given to bindTooltip,
// bindPopup or a divIcon's html as HTML, so a login or customer name from the ERP would run as markup:
// every value from outside reaches Leaflet as an element whose text is set with textContent, never as
// an HTML string. Colours and sizes are set through the CSSOM (element.style), which a Content
// Security Policy without 'unsafe-inline' styles still allows; fixed looks live in map.css.

/** An element of `tag` with `className`, whose content is `text` as plain text. */
export function textElement(text: string, className?: string, tag: keyof HTMLElementTagNameMap = "div"): HTMLElement {
  const el = document.createElement(tag);
  if (className) el.className = className;
  el.textContent = text;
  return el;
}

/** data-* attributes (values as attribute text, never markup). */
export function setData(el: HTMLElement, data: Record<string, string | number>): HTMLElement {
  for (const [key, value] of Object.entries(data)) el.dataset[key] = String(value);
  return el;
}
