import type { PrismaClient } from "@prisma/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../tests/support/factories";
import { listJobs } from "./jobs.server";

let db: PrismaClient;

async function job(shop: string, id: string, createdAt: string, items: string[]) {
  await db.job.create({
    data: {
      id,
      shop,
      kind: "refund",
      status: "running",
      params: "{}",
      createdAt: new Date(createdAt),
    },
  });
  await db.jobItem.createMany({
    data: items.map((status, i) => ({
      jobId: id,
      shop,
      orderId: `gid://shopify/Order/${i}`,
      idempotencyKey: `${id}-${i}`,
      status,
    })),
  });
}

beforeAll(async () => {
  db = await openTestDatabase();
});

// Each test has a fresh database (tests/setup/fresh-database.ts): the jobs are written before each.
beforeEach(async () => {
  await job("a.myshopify.com", "old", "2026-11-20T10:00:00Z", ["done", "done", "failed"]);
  await job("a.myshopify.com", "new", "2026-11-22T10:00:00Z", [
    "pending",
    "running",
    "done",
    "skipped",
  ]);
  await job("b.myshopify.com", "other", "2026-11-23T10:00:00Z", ["done"]);
});

afterAll(() => db.$disconnect());

describe("listJobs", () => {
  it("lists one shop's jobs, newest first, with their item counts", async () => {
    const jobs = await listJobs(db, "a.myshopify.com");
    expect(jobs.map((j) => j.id)).toEqual(["new", "old"]);
    expect(jobs[0]).toMatchObject({
      total: 4,
      counts: { pending: 1, running: 1, done: 1, failed: 0, skipped: 1 },
    });
    expect(jobs[1]).toMatchObject({
      total: 3,
      counts: { pending: 0, running: 0, done: 2, failed: 1, skipped: 0 },
    });
  });

  it("never shows another shop's jobs", async () => {
    expect((await listJobs(db, "b.myshopify.com")).map((j) => j.id)).toEqual(["other"]);
  });
});
