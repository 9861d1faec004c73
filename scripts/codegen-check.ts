// Fails when app/types/ is not what Shopify's codegen preset makes of today's documents and schema
// (a document edited without `npm run codegen`, or a hand edit of a generated file). It generates
// in memory with the project's own .graphqlrc.ts and compares; it writes nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { generate, loadContext } from "@graphql-codegen/cli";
import { z } from "zod";

const root = path.resolve(import.meta.dirname, "..");
// The same context `graphql-codegen` builds: it finds .graphqlrc.ts in the working directory.
process.chdir(root);
const context = await loadContext();
context.updateConfig({ silent: true });
const outputs = z
  .array(z.object({ filename: z.string(), content: z.string() }))
  .parse(await generate(context, false));

const stale = outputs.filter((output) => {
  const file = path.resolve(root, output.filename);
  let committed = "";
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    // A missing file is stale too.
  }
  return committed !== output.content;
});
if (stale.length > 0) {
  console.error(
    `Generated GraphQL types are out of date: ${stale.map((o) => path.relative(root, path.resolve(root, o.filename))).join(", ")}. Run \`npm run codegen\` and commit the result.`,
  );
  process.exit(1);
}
process.stdout.write(
  `codegen: ${outputs.length} generated files match the documents and the schema\n`,
);
