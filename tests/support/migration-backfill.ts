// The data backfill (its UPDATE statement) of one migration, as the database this test run uses
// would apply it: the migrations folder of DELAY_DESK_TEST_DATABASE (set by vitest.config.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export function migrationBackfill(nameSuffix: string): string {
  const dir =
    process.env.DELAY_DESK_TEST_DATABASE === "postgresql"
      ? path.join(process.cwd(), "prisma", "postgresql", "migrations")
      : path.join(process.cwd(), "prisma", "migrations");
  const folder = readdirSync(dir).find((name) => name.endsWith(nameSuffix));
  if (!folder) throw new Error(`no ${nameSuffix} migration`);
  const sql = readFileSync(path.join(dir, folder, "migration.sql"), "utf8")
    .split("\n")
    .filter((line) => !line.startsWith("--"))
    .join("\n");
  const update = sql.split(";").find((statement) => statement.trim().startsWith("UPDATE"));
  if (!update) throw new Error(`the ${nameSuffix} migration has no backfill`);
  return update;
}
