// The thank-you code reaches the customer (issue 14 point 7): the app's discount_code remedy, run
// by the real runner against the simulator and a real SMTP server, creates the code in Shopify and
// mails it to the order's email from the shop's named sender; the job item and the order's
// timeline say it was mailed; a retry of the same item creates no second code and sends no second
// mail. Shopify sends no mail for a code an app creates (discountCodeBasicCreate has no notify
// argument: https://shopify.dev/docs/api/admin-graphql/latest/mutations/discountCodeBasicCreate),
// so the app sends it through the merchant's SMTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { discountsOf } from "@delay-desk/simulator/resolvers/mutations/discounts";
import type { OrderRecord } from "@delay-desk/simulator/store/records";
import { startJobHarness, type JobHarness } from "../../tests/support/job-harness";
import { runJobsToEnd } from "../../tests/support/run-jobs";
import { JobKindRegistry } from "../jobs/job-kind";
import { createJob } from "../jobs/jobs.server";
import { smtpTransport } from "../notices/mail-transport.server";
import { DEFAULT_SHOP_RULES } from "../promise/shop-rules";
import { loadOrderHistory } from "../timeline/order-timeline.server";
import { remedyRegistry } from "./remedy-kinds.server";
import { thankYouCode } from "./thank-you-code.server";
import { thankYouMailer } from "./thank-you-mail.server";

let h: JobHarness;
let mail: RunningMailServer;
let transport: ReturnType<typeof smtpTransport>;
let registry: JobKindRegistry;

beforeAll(async () => {
  h = await startJobHarness({ orders: 20, seed: 12, plan: "PLUS" });
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
  registry = remedyRegistry({ mailer: thankYouMailer(h.db, transport) }, new JobKindRegistry());
});
afterAll(async () => {
  transport.close();
  await mail.close();
  await h.close();
});

const gid = (order: OrderRecord) => `gid://shopify/Order/${order.id}`;

describe("the thank-you code", () => {
  it("is mailed to the customer once, and the item and the timeline say so", async () => {
    const shop = h.app.shop;
    const order = h.store.orders.find(
      (o) => o.cancelledAt === null && o.customerId !== null && o.email !== null,
    );
    if (!order?.email) throw new Error("the seeded shop has no order with a customer");
    await h.db.noticeTemplate.create({
      data: {
        shop,
        subject: "An update",
        body: "…",
        reason: "a wave of orders",
        replyTo: "dawn@oak-and-hide.example",
      },
    });
    await h.db.shopSettings.upsert({
      where: { shop },
      create: {
        shop,
        rules: JSON.stringify(DEFAULT_SHOP_RULES),
        senderName: "Dawn",
        senderRole: "operations manager",
      },
      update: { senderName: "Dawn", senderRole: "operations manager" },
    });
    const kind = registry.get("discount_code");
    if (!kind) throw new Error("no discount_code kind");
    await createJob(h.db, {
      shop,
      kind,
      params: { percent: 15, validDays: 30 },
      orderIds: [gid(order)],
      createdBy: "1",
    });
    await runJobsToEnd(h.runner({ registry }), h.db);
    const item = await h.db.jobItem.findFirstOrThrow({ where: { shop, orderId: gid(order) } });
    expect(item.status, item.error ?? "").toBe("done");
    const code = thankYouCode(item.idempotencyKey);

    // In Shopify: the code exists.
    const codes = () => discountsOf(h.store).nodes.filter((n) => n.discount.code === code);
    expect(codes()).toHaveLength(1);
    // In the customer's mailbox: one message, from the named sender, with the code.
    const received = mail.received().filter((m) => m.to.includes(order.email ?? ""));
    expect(received).toHaveLength(1);
    expect(received[0]?.raw).toContain(code);
    expect(received[0]?.raw).toContain("Dawn, operations manager");
    expect(received[0]?.raw).toMatch(
      /until (Mon|Tue|Wed|Thu|Fri|Sat|Sun), [A-Z][a-z]{2} \d{1,2}, \d{4}/,
    );

    // On the order's timeline, and on the job's item.
    expect(JSON.parse(item.result ?? "{}").summary).toBe(
      `Discount code ${code}: 15 % off the next order, mailed to the customer`,
    );
    const history = await loadOrderHistory(h.db, shop, gid(order));
    expect(history?.entries.map((e) => e.title)).toContain(
      `Discount code ${code}: 15 % off the next order, mailed to the customer`,
    );

    // A retry of the same item (an answer lost): no second code, no second mail.
    await h.db.jobItem.update({ where: { id: item.id }, data: { status: "pending" } });
    await h.db.job.update({ where: { id: item.jobId }, data: { status: "running" } });
    await runJobsToEnd(h.runner({ registry }), h.db);
    expect(codes()).toHaveLength(1);
    expect(mail.received().filter((m) => m.to.includes(order.email ?? ""))).toHaveLength(1);
  });
});
