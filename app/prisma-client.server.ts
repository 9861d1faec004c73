// Builds a Prisma client for a DATABASE_URL (app/database-url.ts): SQLite through our node:sqlite
// driver adapter (docs/decisions/005), PostgreSQL through @prisma/adapter-pg (docs/decisions/010).
// Both run on Prisma's JS engine, so no engine binary is downloaded (docs/decisions/002). No side
// effects: app/db.server.ts makes the app's one client; tests, child processes and benches make
// their own.
import { Prisma, PrismaClient } from "@prisma/client";
import { PrismaClient as PostgresqlClient } from "@delay-desk/prisma-postgresql";
import { makeLikeFiltersInsensitive } from "./case-insensitive-filters";
import { databaseTarget, type DatabaseTarget } from "./database-url";
import { PrismaNodeSqlite } from "./node-sqlite-adapter.server";
import { postgresqlAdapter } from "./postgresql-adapter.server";

function delegateName(model: string): string {
  return model.charAt(0).toLowerCase() + model.slice(1);
}

/**
 * The PostgreSQL client is generated from the same models as the SQLite one, plus the few only
 * PostgreSQL has (TrackedOrderTrigram, the search's side table, read by raw SQL only)
 * (scripts/generate-clients.ts; prisma/provider-schemas.test.ts proves that models, fields and
 * both migration histories match) and shares its runtime, but TypeScript cannot relate the types
 * of two generated clients. The app is written against one of them, the SQLite client's
 * `PrismaClient`; this checks that the other has every model and the client methods the app calls
 * before it is used as one.
 */
function servesEveryModel(client: object): client is PrismaClient {
  const methods = ["$transaction", "$queryRaw", "$executeRaw", "$queryRawUnsafe", "$disconnect"];
  return (
    Object.values(Prisma.ModelName).every((model) => delegateName(model) in client) &&
    methods.every((method) => method in client)
  );
}

// Which database each client opened, for the few statements that differ by database: the orders
// search reads SQLite's FTS5 index (app/orders/order-search.server.ts), and the first import
// writes its bulk rows in each dialect's fastest form (app/orders/import/save-orders.server.ts).
const targets = new WeakMap<object, DatabaseTarget>();

/** The database a client made here opened; undefined for any other object. */
export function databaseTargetOf(client: object): DatabaseTarget | undefined {
  return targets.get(client);
}

/** Whether this client (or a Pick of it: the same object) talks to SQLite. */
export function isSqliteClient(db: object): boolean {
  return databaseTargetOf(db)?.provider === "sqlite";
}

export function createPrismaClientFor(target: DatabaseTarget): PrismaClient {
  const client = openClient(target);
  targets.set(client, target);
  return client;
}

function openClient(target: DatabaseTarget): PrismaClient {
  if (target.provider === "sqlite") {
    return new PrismaClient({ adapter: new PrismaNodeSqlite({ path: target.path }) });
  }
  const client = new PostgresqlClient({ adapter: postgresqlAdapter(target.url) }).$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          if ("where" in args) makeLikeFiltersInsensitive(args.where);
          return query(args);
        },
      },
    },
  });
  if (!servesEveryModel(client)) {
    throw new Error(
      "The PostgreSQL Prisma client lacks models of prisma/schema.prisma: run `npm run setup`.",
    );
  }
  return client;
}

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return createPrismaClientFor(databaseTarget(databaseUrl));
}
