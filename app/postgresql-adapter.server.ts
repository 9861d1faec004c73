// The PostgreSQL driver adapter for the app and the Prisma CLI: @prisma/adapter-pg on a pg pool
// whose connections report PostgreSQL's `name` columns as text.
//
// Why: adapter-pg 6.19 has no mapping for the `name` type (a 63-byte string PostgreSQL uses for
// identifiers in its catalogs), and Prisma's schema engine reads those catalogs, so every
// `prisma migrate` command failed with "Column type 'name' could not be deserialized from the
// database" (https://github.com/prisma/orm/issues/27403, open). Its values already arrive as
// strings; only the type id in the row description is changed. The pool's options carry the
// client class, so the shadow database adapter-pg creates for `migrate diff --from-migrations`
// gets it too.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

/** PostgreSQL's type ids (pg_type.oid), stable across versions: "char" and name, both strings. */
const CATALOG_STRING_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

function nameColumnsAsText(message: unknown): void {
  if (typeof message !== "object" || message === null || !("fields" in message)) return;
  const { fields } = message;
  if (!Array.isArray(fields)) return;
  for (const field of fields) {
    if (typeof field === "object" && field !== null && "dataTypeID" in field) {
      if (CATALOG_STRING_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
}

class NameAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    // Before the client's own listener, which hands the description to the running query.
    this.connection.prependListener("rowDescription", nameColumnsAsText);
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/**
 * adapter-pg 6.19 runs a migration script by splitting it on every ";" (its executeScript), which
 * cuts a PL/pgSQL function body apart (the order summary's triggers,
 * prisma/postgresql/migrations/*_shop_order_summary). A script with a dollar-quoted body is sent
 * whole instead: PostgreSQL's simple query protocol runs several statements in one message
 * (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT).
 * Other scripts keep adapter-pg's own path.
 */
function runsDollarQuotedScriptsWhole(adapter: PgAdapter): PgAdapter {
  const client: unknown = Reflect.get(adapter, "client");
  if (!(client instanceof pg.Pool)) return adapter;
  const split = adapter.executeScript.bind(adapter);
  adapter.executeScript = async (script: string) => {
    if (!script.includes("$$")) return split(script);
    await client.query(script);
  };
  return adapter;
}

class WholeScriptPrismaPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    return runsDollarQuotedScriptsWhole(await super.connect());
  }

  override async connectToShadowDb(): Promise<PgAdapter> {
    return runsDollarQuotedScriptsWhole(await super.connectToShadowDb());
  }
}

export function postgresqlAdapter(connectionString: string): PrismaPg {
  const pool = new pg.Pool({ connectionString, Client: NameAsTextClient });
  return new WholeScriptPrismaPg(pool, { disposeExternalPool: true });
}
