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

export function postgresqlAdapter(connectionString: string): PrismaPg {
  const pool = new pg.Pool({ connectionString, Client: NameAsTextClient });
  return new PrismaPg(pool, { disposeExternalPool: true });
}
