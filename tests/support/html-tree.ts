// Test helper: parses rendered storefront HTML into a small element tree, so tests can assert on
// structure (which element carries role="status", where the form posts) instead of on
// whitespace. Parsing also fails on unbalanced tags, which catches broken markup for free.
// Uses Shopify's own Liquid/HTML parser (installed with @shopify/theme-check-node).
import { toLiquidHtmlAST, type LiquidHtmlNode } from "@shopify/liquid-html-parser";

export interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
  parent: El | undefined;
}

function textOf(segments: readonly { type: string; value?: unknown }[]): string {
  return segments
    .map((s) => (s.type === "TextNode" && typeof s.value === "string" ? s.value : ""))
    .join("");
}

function convert(node: LiquidHtmlNode, parent: El): void {
  switch (node.type) {
    case "HtmlElement":
    case "HtmlVoidElement":
    case "HtmlSelfClosingElement":
    case "HtmlRawNode": {
      const name = typeof node.name === "string" ? node.name : textOf(node.name);
      const attrs: Record<string, string> = {};
      for (const attr of node.attributes) {
        if (attr.type === "AttrEmpty") attrs[textOf(attr.name)] = "";
        else if (
          attr.type !== "LiquidTag" &&
          attr.type !== "LiquidVariableOutput" &&
          "value" in attr &&
          Array.isArray(attr.value)
        )
          attrs[textOf(attr.name)] = textOf(attr.value);
      }
      const el: El = { name: name.toLowerCase(), attrs, children: [], text: "", parent };
      parent.children.push(el);
      if (node.type === "HtmlRawNode") el.text = node.body.value;
      if (node.type === "HtmlElement") for (const child of node.children) convert(child, el);
      break;
    }
    case "TextNode":
      parent.children.push({ name: "#text", attrs: {}, children: [], text: node.value, parent });
      break;
    default:
      break;
  }
}

export function parseHtml(html: string): El {
  const root: El = { name: "#document", attrs: {}, children: [], text: "", parent: undefined };
  for (const child of toLiquidHtmlAST(html).children) convert(child, root);
  return root;
}

export function findAll(root: El, test: (el: El) => boolean): El[] {
  const found: El[] = [];
  const visit = (el: El) => {
    if (el.name !== "#text" && test(el)) found.push(el);
    el.children.forEach(visit);
  };
  root.children.forEach(visit);
  return found;
}

export function hasClass(el: El, name: string): boolean {
  return (el.attrs.class ?? "").split(/\s+/).includes(name);
}

export const byClass = (name: string) => (el: El) => hasClass(el, name);

/** Visible text with whitespace collapsed and the few entities the templates use decoded. */
export function innerText(el: El): string {
  const raw = el.name === "#text" ? el.text : el.children.map(innerText).join(" ");
  return raw
    .replace(/&times;/g, "×")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

export function ancestors(el: El): El[] {
  const list: El[] = [];
  for (let p = el.parent; p; p = p.parent) list.push(p);
  return list;
}
