// The migration that gave every notice its kind backfills the notices sent before it from what
// each said, against the previous sent notice of the same order.
import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationBackfill } from "../../tests/support/migration-backfill";
import { openTestDatabase } from "../../tests/support/factories";

let db: PrismaClient;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db.$disconnect();
});

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
    await db.$executeRawUnsafe(migrationBackfill("_notice_kinds"));
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
