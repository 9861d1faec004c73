// Finds every `#graphql` document the app sends (tagged template literals under app/, tests
// excluded), for the checks that hold them against Shopify's schema and access marks.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

export const APP_DIR = path.resolve(import.meta.dirname, "../../app");

export interface FoundDocument {
  file: string;
  line: number;
  text: string;
  interpolated: boolean;
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
        found.push({
          file: path.relative(APP_DIR, file),
          line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
          text: head,
          interpolated: ts.isTemplateExpression(node),
        });
      }
    }
    ts.forEachChild(node, visitNode);
  };
  visitNode(sf);
  return found;
}

export function appDocuments(): FoundDocument[] {
  return sourceFiles(APP_DIR).flatMap((file) =>
    findGraphqlDocuments(file, readFileSync(file, "utf8")),
  );
}
