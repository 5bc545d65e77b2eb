// Building the page's nodes from data: textContent only, never innerHTML.

const SVG = "http://www.w3.org/2000/svg";

/** An HTML element with attributes and children. Inline style attributes are refused by the page's CSP; the CSSOM is
 *  not, so `style` goes through it. */
export function el(tag: string, attrs: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "style") {
      for (const rule of v.split(";")) {
        const [name, value] = rule.split(":");
        if (name && value) node.style.setProperty(name.trim(), value.trim());
      }
    } else node.setAttribute(k, v);
  }
  for (const child of children) node.append(child);
  return node;
}

/** An SVG element with attributes. */
export function svg(tag: string, attrs: Record<string, string | number> = {}): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}
