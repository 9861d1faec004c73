// The two provider schemas and the two migration histories describe the same database
// (docs/decisions/010-postgresql.md). Prisma takes one provider per schema, so the PostgreSQL
// schema is derived from the SQLite one and each has its own migrations folder; these checks are
// what keeps them from drifting apart:
//   1. prisma/postgresql/schema.prisma is what scripts/generate-clients.ts derives today;
//   2. both generated clients have the same models, fields, ids and unique keys;
//   3. each migrations folder, applied to an empty database, gives exactly its schema
//      (`prisma migrate diff … --exit-code`: 0 no difference, 2 a difference, 1 an error).
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Prisma as SqlitePrisma } from "@prisma/client";
import { Prisma as PostgresqlPrisma } from "@delay-desk/prisma-postgresql";
import { describe, expect, it } from "vitest";
import { openSqlite } from "../tests/support/database-reset";
import { ROOT, baseDatabase, runTmpDir } from "../tests/support/paths";
import { postgresqlDatabaseUrl, psql } from "../tests/support/postgres-server";
import {
  POSTGRESQL_SCHEMA,
  SQLITE_SCHEMA,
  postgresqlOnlyModels,
  postgresqlSchema,
} from "./provider-schemas";

// Each CLI run takes seconds: run them without blocking the worker, which must keep answering
// Vitest.
function prisma(
  args: string[],
  databaseUrl: string,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["prisma", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const CLI_TIMEOUT = 180_000;

/** `migrate diff` between two datamodels: 0 when they give the same database, 2 when not. */
async function diffExitCode(from: string, to: string, databaseUrl: string): Promise<number | null> {
  const result = await prisma(
    [
      "migrate",
      "diff",
      "--from-schema-datamodel",
      from,
      "--to-schema-datamodel",
      to,
      "--exit-code",
    ],
    databaseUrl,
  );
  if (result.status === 1)
    throw new Error(`prisma migrate diff failed:\n${result.stdout}${result.stderr}`);
  return result.status;
}

/**
 * SQLite's FTS5 search index (migration *_order_search) and the shadow tables it keeps
 * (https://sqlite.org/vtab.html#xshadowname): `db pull` reads them as models (the virtual table as
 * an @@ignore model; https://github.com/prisma/prisma/issues/8106), though no Prisma schema can
 * declare them, so they are left out of the comparison.
 */
function sqliteVirtualTables(databaseUrl: string): string[] {
  const db = openSqlite(databaseUrl.replace(/^file:/, ""));
  try {
    return db
      .prepare("SELECT name FROM pragma_table_list WHERE type IN ('virtual', 'shadow')")
      .all()
      .map((row) => String(row.name));
  } finally {
    db.close();
  }
}

/** The schema `prisma db pull` reads back from a database (the CLI prints notices before it; they are dropped). */
async function pulledSchema(databaseUrl: string): Promise<string> {
  const result = await prisma(["db", "pull", "--print"], databaseUrl);
  if (result.status !== 0)
    throw new Error(`prisma db pull failed:\n${result.stdout}${result.stderr}`);
  const start = result.stdout.indexOf("generator client {");
  if (start < 0) throw new Error(`prisma db pull printed no schema:\n${result.stdout}`);
  let schema = result.stdout.slice(start);
  if (databaseUrl.startsWith("file:")) {
    for (const shadow of sqliteVirtualTables(databaseUrl))
      schema = schema.replace(new RegExp(`^model ${shadow} \\{[\\s\\S]*?^\\}$`, "m"), "");
  }
  const file = path.join(mkdtempSync(path.join(runTmpDir(), "pulled-")), "schema.prisma");
  writeFileSync(file, schema);
  return file;
}

function modelShapes(models: readonly SqlitePrisma.DMMF.Model[]) {
  return models.map((model) => ({
    name: model.name,
    primaryKey: model.primaryKey?.fields ?? null,
    uniqueFields: model.uniqueFields,
    fields: model.fields.map((field) => ({
      name: field.name,
      kind: field.kind,
      type: field.type,
      isRequired: field.isRequired,
      isList: field.isList,
      isId: field.isId,
      isUnique: field.isUnique,
      hasDefaultValue: field.hasDefaultValue,
      isUpdatedAt: field.isUpdatedAt,
    })),
  }));
}

describe("the SQLite and PostgreSQL schemas", () => {
  it("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma as committed (npm run db:generate)", () => {
    const source = readFileSync(path.join(ROOT, SQLITE_SCHEMA), "utf8");
    expect(readFileSync(path.join(ROOT, POSTGRESQL_SCHEMA), "utf8")).toBe(postgresqlSchema(source));
  });

  it("differ only in provider, generator output and url", () => {
    const derived = postgresqlSchema(
      'generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = "file:./dev.sqlite"\n}\n',
    );
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('output     = "../../node_modules/@delay-desk/prisma-postgresql"');
    expect(() => postgresqlSchema("model A {\n  id String @id\n}\n")).toThrow(/datasource/);
  });

  it("generate two clients with the same models, fields, ids and unique keys, but for the PostgreSQL-only models", () => {
    const source = readFileSync(path.join(ROOT, SQLITE_SCHEMA), "utf8");
    const only = new Set(postgresqlOnlyModels(source));
    expect([...only]).toEqual(["TrackedOrderTrigram"]);
    const postgresqlModels = PostgresqlPrisma.dmmf.datamodel.models;
    expect(postgresqlModels.filter((model) => only.has(model.name)).length).toBe(only.size);
    expect(modelShapes(postgresqlModels.filter((model) => !only.has(model.name)))).toEqual(
      modelShapes(SqlitePrisma.dmmf.datamodel.models),
    );
    expect(Object.keys(SqlitePrisma.ModelName).length).toBeGreaterThan(10);
  });

  it("leave a //sqlite-only line out of the PostgreSQL schema and keep a //postgresql one", () => {
    const derived = postgresqlSchema(
      'generator client {\n  provider   = "prisma-client-js"\n  engineType = "client"\n}\n\ndatasource db {\n  provider = "sqlite"\n  url      = "file:./dev.sqlite"\n}\n\nmodel A {\n  id String @id\n  b  String\n  // a comment naming "//sqlite-only" stays\n  @@index([b]) //sqlite-only\n  //postgresql @@index([b(ops: raw("gin_trgm_ops"))], type: Gin)\n}\n',
    );
    expect(derived).not.toContain("@@index([b])");
    expect(derived).toContain('// a comment naming "//sqlite-only" stays');
    expect(derived).toContain('  @@index([b(ops: raw("gin_trgm_ops"))], type: Gin)');
  });
});

describe("the migration histories", () => {
  it(
    "prisma/migrations, applied to an empty SQLite database, give exactly prisma/schema.prisma",
    async () => {
      // A copy of the database the suite migrated with prisma migrate deploy.
      const file = path.join(mkdtempSync(path.join(runTmpDir(), "migrated-")), "migrated.sqlite");
      copyFileSync(baseDatabase(), file);
      const databaseUrl = `file:${file}`;
      const pulled = await pulledSchema(databaseUrl);
      expect(await diffExitCode(pulled, SQLITE_SCHEMA, databaseUrl)).toBe(0);

      // The check can fail: a field the migrations never created is a difference.
      const ahead = path.join(path.dirname(pulled), "ahead.prisma");
      writeFileSync(
        ahead,
        readFileSync(path.join(ROOT, SQLITE_SCHEMA), "utf8").replace(
          "model ShopInstall {",
          "model ShopInstall {\n  notMigrated String?",
        ),
      );
      expect(await diffExitCode(pulled, ahead, databaseUrl)).toBe(2);
    },
    CLI_TIMEOUT,
  );

  const server = process.env.DELAY_DESK_TEST_POSTGRESQL_URL;
  const binDir = process.env.DELAY_DESK_TEST_POSTGRESQL_BIN;
  it.skipIf(!server || !binDir)(
    "prisma/postgresql/migrations, applied to an empty PostgreSQL database, give exactly prisma/postgresql/schema.prisma (runs with TEST_DATABASES=…,postgresql)",
    async () => {
      if (!server || !binDir) return;
      // migrate diff --from-migrations replays the migrations into the adapter's database.
      const name = `diff_${Date.now()}_${process.pid}`;
      psql(binDir, server, `CREATE DATABASE "${name}"`);
      const result = await prisma(
        [
          "migrate",
          "diff",
          "--from-migrations",
          "prisma/postgresql/migrations",
          "--to-schema-datamodel",
          POSTGRESQL_SCHEMA,
          "--exit-code",
        ],
        postgresqlDatabaseUrl(server, name),
      );
      expect(`${result.status}: ${result.stdout}${result.stderr}`).toMatch(/^0: /);
      // And the database the PostgreSQL tests copy reads back as the same schema.
      const pulled = await pulledSchema(postgresqlDatabaseUrl(server, name));
      expect(
        await diffExitCode(pulled, POSTGRESQL_SCHEMA, postgresqlDatabaseUrl(server, name)),
      ).toBe(0);
    },
    CLI_TIMEOUT,
  );
});
