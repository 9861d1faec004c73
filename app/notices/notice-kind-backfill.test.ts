// The migration that gave every notice its kind backfills the notices sent before it from what
// each said, against the previous sent notice of the same order.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../tests/support/factories";

let db: PrismaClient;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

function backfill(): string {
  // The migrations of the database this run uses (vitest.config.ts sets DELAY_DESK_TEST_DATABASE).
  const dir =
    process.env.DELAY_DESK_TEST_DATABASE === "postgresql"
      ? path.join(process.cwd(), "prisma", "postgresql", "migrations")
      : path.join(process.cwd(), "prisma", "migrations");
  const folder = readdirSync(dir).find((name) => name.endsWith("_notice_kinds"));
  if (!folder) throw new Error("no notice_kinds migration");
  const sql = readFileSync(path.join(dir, folder, "migration.sql"), "utf8")
    .split("\n")
    .filter((line) => !line.startsWith("--"))
    .join("\n");
  const update = sql.split(";").find((statement) => statement.trim().startsWith("UPDATE"));
  if (!update) throw new Error("the migration has no backfill");
  return update;
}

describe("the notice-kind backfill", () => {
  it("names revision 1 first, then later / earlier / weekly against the previous sent notice", async () => {
    const shop = "kinds.myshopify.com";
    const notice = (orderId: string, revision: number, to: string, status = "sent") => ({
      shop,
      orderId,
      revision,
      estimateFrom: "2026-12-01",
      estimateTo: to,
      toEmail: "a@b.c",
      subject: "s",
      status,
    });
    await db.notice.createMany({
      data: [
        notice("a", 1, "2026-12-10"),
        notice("a", 2, "2026-12-10"),
        notice("a", 3, "2026-12-20"),
        notice("a", 4, "2026-12-15"),
        notice("b", 1, "2026-12-10", "failed"),
        notice("b", 2, "2026-12-12"),
      ],
    });
    await db.$executeRawUnsafe(backfill());
    const rows = await db.notice.findMany({
      where: { shop },
      orderBy: [{ orderId: "asc" }, { revision: "asc" }],
    });
    expect(rows.map((r) => `${r.orderId}${r.revision}:${r.kind}`)).toEqual([
      "a1:first",
      "a2:weekly",
      "a3:later",
      "a4:earlier",
      "b1:first",
      "b2:first",
    ]);
  });
});
