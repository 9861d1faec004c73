// prisma/schema.prisma (SQLite) is the one schema people edit. Prisma takes one provider per
// schema file, so the PostgreSQL schema is derived from it: same models, fields and indexes, the
// provider swapped and the client generated to its own output (docs/decisions/010-postgresql.md).
// Pure: scripts/generate-clients.ts writes the file, a test checks it is up to date.

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRESQL_SCHEMA = "prisma/postgresql/schema.prisma";
/** Where `prisma generate` puts the PostgreSQL client (the SQLite one stays @prisma/client). */
export const POSTGRESQL_CLIENT_OUTPUT = "node_modules/@delay-desk/prisma-postgresql";

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/generate-clients.ts: do not edit.
// Edit prisma/schema.prisma, then run \`bash scripts/new-migration.sh <name>\`.
`;

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, pattern.flags.replace("g", "") + "g"));
  if (!matches || matches.length !== 1) {
    throw new Error(
      `prisma/schema.prisma: expected exactly one ${what}, found ${matches?.length ?? 0}`,
    );
  }
  return text.replace(pattern, replacement);
}

/** The PostgreSQL schema for the SQLite source schema's text. */
export function postgresqlSchema(source: string): string {
  let schema = replaceOnce(
    source,
    /(datasource db \{[^}]*?provider\s*=\s*)"sqlite"/,
    '$1"postgresql"',
    'datasource with provider = "sqlite"',
  );
  // The url is ignored once a driver adapter is configured, but the schema must name one.
  schema = replaceOnce(
    schema,
    /(datasource db \{[^}]*?url\s*=\s*)"[^"]*"/,
    '$1"postgresql://localhost/delay_desk"',
    "datasource url",
  );
  // The output path is relative to the schema file's folder (prisma/postgresql/).
  schema = replaceOnce(
    schema,
    /(generator client \{[^}]*?engineType\s*=\s*"client")/,
    `$1\n  output     = "../../${POSTGRESQL_CLIENT_OUTPUT}"`,
    'generator with engineType = "client"',
  );
  // What only SQLite has (an index PostgreSQL does better without): `<line> //sqlite-only`, at
  // the line's end.
  schema = schema.replace(/^.*\S[ \t]+\/\/sqlite-only[ \t]*\n/gm, "");
  // What only PostgreSQL has (e.g. GIN indexes): written in the source as `//postgresql <line>`.
  schema = schema.replace(/^(\s*)\/\/postgresql (.*)$/gm, "$1$2");
  return HEADER + schema;
}

/** The models only the PostgreSQL schema has: written in the source as `//postgresql model X {`. */
export function postgresqlOnlyModels(source: string): string[] {
  return [...source.matchAll(/^\/\/postgresql model (\w+) \{/gm)].map((match) => match[1] ?? "");
}
