// Finds every `#graphql` document the app sends (tagged template literals under app/, tests
// excluded), for the checks that hold them against Shopify's schema and access marks. A document
// may interpolate another `#graphql` constant by name (`${TRACKED_ORDER_FRAGMENTS}`, its
// fragments): it is resolved to that constant's text, as Shopify's codegen preset does
// (@shopify/graphql-codegen, pluck.js and plugin.js). Anything else interpolated is reported.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const APP_DIR = path.resolve(import.meta.dirname, "../../app");

export interface FoundDocument {
  file: string;
  line: number;
  text: string;
  /** True when something other than a named `#graphql` constant is interpolated. */
  interpolated: boolean;
  /** The constant the document is assigned to, when it is one. */
  name?: string;
  /** Identifiers interpolated, in order; resolved by `appDocuments`. */
  substitutions: string[];
  /** The text between substitutions (one more than substitutions). */
  parts: string[];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

export function findGraphqlDocuments(file: string, source: string): FoundDocument[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: FoundDocument[] = [];
  const visitNode = (node: ts.Node) => {
    if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const head = ts.isNoSubstitutionTemplateLiteral(node) ? node.text : node.head.text;
      if (head.trimStart().startsWith("#graphql")) {
        const spans = ts.isTemplateExpression(node) ? node.templateSpans : [];
        let declaration: ts.Node = node.parent;
        while (ts.isAsExpression(declaration) || ts.isParenthesizedExpression(declaration))
          declaration = declaration.parent;
        const name =
          ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)
            ? declaration.name.text
            : undefined;
        found.push({
          file: path.relative(APP_DIR, file),
          line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          text: [head, ...spans.map((span) => span.literal.text)].join(""),
          interpolated: spans.some((span) => !ts.isIdentifier(span.expression)),
          ...(name ? { name } : {}),
          substitutions: spans.map((span) => span.expression.getText(sf)),
          parts: [head, ...spans.map((span) => span.literal.text)],
        });
      }
    }
    ts.forEachChild(node, visitNode);
  };
  visitNode(sf);
  return found;
}

/** Substitutes each interpolated name by the `#graphql` constant of that name; unknown ones mark it. */
export function resolveDocuments(found: readonly FoundDocument[]): FoundDocument[] {
  const byName = new Map(found.flatMap((doc) => (doc.name ? [[doc.name, doc] as const] : [])));
  const resolve = (doc: FoundDocument, seen: ReadonlySet<string>): FoundDocument => {
    let text = doc.parts[0] ?? "";
    let interpolated = doc.interpolated;
    doc.substitutions.forEach((name, i) => {
      const target = byName.get(name);
      if (!target || seen.has(name)) interpolated = true;
      else text += resolve(target, new Set([...seen, name])).text;
      text += doc.parts[i + 1] ?? "";
    });
    return { ...doc, text, interpolated };
  };
  return found.map((doc) => resolve(doc, new Set(doc.name ? [doc.name] : [])));
}

export function appDocuments(): FoundDocument[] {
  return resolveDocuments(
    sourceFiles(APP_DIR).flatMap((file) => findGraphqlDocuments(file, readFileSync(file, "utf8"))),
  );
}
