// Shopify's `t` filter as the extension uses it: nested keys, `{{ name }}` interpolation,
// `count` pluralisation, fallback to the default locale, and HTML escaping unless the key ends
// in `_html`. A key missing from every locale throws: on a real storefront it would print
// "translation missing", which is exactly the mistake the tests must catch.
import type { Translations } from "./extension-files.js";

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function lookup(table: Translations | undefined, key: string): string | Translations | undefined {
  let node: string | Translations | undefined = table;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

function pluralForm(entry: Translations, count: unknown, locale: string, key: string): string {
  if (typeof count !== "number") throw new Error(`translation ${key} needs a numeric count`);
  const category =
    count === 0 && typeof entry.zero === "string"
      ? "zero"
      : new Intl.PluralRules(locale).select(count);
  const form = entry[category] ?? entry.other;
  if (typeof form !== "string")
    throw new Error(`translation ${key} has no "${category}" or "other" form`);
  return form;
}

export interface TranslateOptions {
  locale: string;
  defaultLocale: string;
  tables: ReadonlyMap<string, Translations>;
}

export function translate(
  key: string,
  vars: Readonly<Record<string, unknown>>,
  options: TranslateOptions,
): string {
  const { locale, defaultLocale, tables } = options;
  const found = lookup(tables.get(locale), key) ?? lookup(tables.get(defaultLocale), key);
  if (found === undefined) throw new Error(`translation missing: ${locale}.${key}`);
  const template = typeof found === "string" ? found : pluralForm(found, vars.count, locale, key);
  const text = template.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`translation ${key} needs "${name}"`);
    return String(vars[name] ?? "");
  });
  return key.endsWith("_html") ? text : escapeHtml(text);
}
