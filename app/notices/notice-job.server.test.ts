// The notice job on the real runner, a real SQLite file and a real SMTP server: what customers
// receive, the honesty guard, failures, and a process killed halfway then restarted.
import { gidId } from "../admin-api/gid";
import { spawn } from "node:child_process";
import path from "node:path";
import type { PrismaClient } from "@prisma/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { freshDatabaseUrl } from "../../tests/support/database";
import { insertTrackedOrders, openDatabase, trackedOrder } from "../../tests/support/factories";
import { noticeParams } from "../../tests/support/sample-shop";
import { createJob } from "../jobs/jobs.server";
import { JobKindRegistry } from "../jobs/job-kind";
import { JobRunner } from "../jobs/runner.server";
import { verifyChoiceToken } from "../proxy/choice-token.server";
import { composeMail } from "./compose-mail";
import { smtpTransport } from "./mail-transport.server";
import { noticeJobKind, type NoticeJobParams } from "./notice-job.server";
import { planNotices } from "./send-notices.server";
import { runJobsToEnd } from "../../tests/support/run-jobs";

const SHOP = "oak-and-hide.myshopify.com";
const SECRET = "test-secret";
const params = noticeParams();

let mail: RunningMailServer;
let db: PrismaClient;
let databaseUrl: string;
let transport: ReturnType<typeof smtpTransport>;

beforeAll(async () => {
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
});
afterAll(async () => {
  transport.close();
  await mail.close();
});
beforeEach(async () => {
  databaseUrl = freshDatabaseUrl();
  db = await openDatabase(databaseUrl);
});
afterEach(async () => {
  await db.$disconnect();
});

// One clock for planning and sending, moved by the tests that need time to pass.
let clock = new Date("2026-11-24T12:00:00Z");
beforeEach(() => {
  clock = new Date("2026-11-24T12:00:00Z");
});
const later = (ms: number) => {
  clock = new Date(clock.getTime() + ms);
};
const MINUTE = 60_000;
const DAY = 86_400_000;

function runner(options: { onItemSettled?: () => void } = {}) {
  const kind = noticeJobKind({
    db,
    transport: () => transport,
    secret: SECRET,
    now: () => clock,
  });
  return new JobRunner({
    db,
    registry: new JobKindRegistry().register(kind),
    adminFor: () => Promise.reject(new Error("no Admin API")),
    pollMs: 10,
    ...options,
  });
}

async function seedOrders(
  count: number,
  forecast = { likelyShipDate: "2026-12-07", conservativeShipDate: "2026-12-18" },
) {
  const rows = Array.from({ length: count }, () =>
    trackedOrder(SHOP, { delayClass: "at_risk", promisedShipDate: "2026-12-01", ...forecast }),
  );
  await insertTrackedOrders(db, rows);
  return rows;
}

async function sendJob(orderIds: string[], overrides: Partial<NoticeJobParams> = {}) {
  const kind = noticeJobKind({ db, transport: () => transport, secret: SECRET, now: () => clock });
  return createJob(db, {
    shop: SHOP,
    kind,
    params: { ...params, ...overrides },
    orderIds,
    createdBy: "1",
  });
}

describe("the notice job", () => {
  it("emails each customer from a named person, reply-to a human, with the range and both signed links", async () => {
    const orders = await seedOrders(2);
    const before = mail.received().length;
    await sendJob(orders.map((o) => o.id));
    await runJobsToEnd(runner(), db);
    const received = mail.received().slice(before);
    expect(received.map((m) => m.to[0]).sort()).toEqual(orders.map((o) => o.email).sort());
    const first = received.find((m) => m.to[0] === orders[0]?.email);
    expect(first?.from).toEqual({ name: "Dawn Rivera", address: "dawn@oakandhide.com" });
    expect(first?.replyTo).toBe("dawn@oakandhide.com");
    expect(first?.subject).toBe(`An update on your order ${orders[0]?.name}`);
    expect(first?.text).toContain("in 2–4 weeks (by Friday 18 December)");
    expect(first?.html).toContain("in 2–4 weeks (by Friday 18 December)");
    const links = [...(first?.text ?? "").matchAll(/https:\/\/\S+/g)].map((m) => new URL(m[0]));
    expect(links.map((l) => `${l.host}${l.pathname} ${l.searchParams.get("choice")}`)).toEqual([
      `${SHOP}/apps/delay-desk/choice wait`,
      `${SHOP}/apps/delay-desk/choice cancel`,
    ]);
    const token = links[1]?.searchParams.get("token") ?? "";
    expect(
      verifyChoiceToken(SECRET, token, { shop: SHOP, now: new Date("2026-11-25T00:00:00Z") }),
    ).toMatchObject({ ok: true, claims: { orderId: orders[0]?.id } });

    const notices = await db.notice.findMany({ where: { shop: SHOP } });
    expect(notices.map((n) => [n.status, n.revision, n.estimateFrom, n.estimateTo])).toEqual([
      ["sent", 1, "2026-12-07", "2026-12-18"],
      ["sent", 1, "2026-12-07", "2026-12-18"],
    ]);
    expect(first?.messageId).toBe(notices.find((n) => n.orderId === orders[0]?.id)?.messageId);
    expect(await db.orderEvent.count({ where: { shop: SHOP, kind: "notice" } })).toBe(2);
  });

  it("blocks a second, later date unless the merchant overrides with a reason, which is logged", async () => {
    const [order] = await seedOrders(1);
    if (!order) throw new Error("no order");
    const before = mail.received().length;
    await sendJob([order.id]);
    await runJobsToEnd(runner(), db);
    await db.trackedOrder.update({
      where: { shop_id: { shop: SHOP, id: order.id } },
      data: { conservativeShipDate: "2026-12-24" },
    });

    await expect(sendJob([order.id])).rejects.toThrow(/No order/);
    const overridden = await sendJob([order.id], {
      overrideReason: "The leather supplier's van broke down",
    });
    expect(overridden.items).toBe(1);
    await runJobsToEnd(runner(), db);
    const notices = await db.notice.findMany({
      where: { shop: SHOP, orderId: order.id },
      orderBy: { revision: "asc" },
    });
    expect(notices.map((n) => [n.revision, n.estimateTo, n.status])).toEqual([
      [1, "2026-12-18", "sent"],
      [2, "2026-12-24", "sent"],
    ]);
    const override = await db.orderEvent.findFirst({
      where: { shop: SHOP, orderId: order.id, kind: "override" },
    });
    expect(JSON.parse(override?.detail ?? "{}")).toMatchObject({
      reason: "The leather supplier's van broke down",
      revision: 2,
    });
    expect(override?.actorId).toBe("1");

    // The incident: "the overridden second notice repeats the first word for word and never
    // mentions the date given earlier or why it moved". The later-date notice says what it is.
    const [first, second] = mail
      .received()
      .slice(before)
      .filter((m) => m.to[0] === order.email);
    expect(second?.subject).toBe(`A new date for your order ${order.name}, and I'm sorry`);
    expect(second?.subject).not.toBe(first?.subject);
    const text = second?.text ?? "";
    expect(text).toContain(
      "When I last wrote, I said your order " +
        `${order.name} (Walnut & Leather Phone Case) would ship between Monday 7 December and Friday 18 December.`,
    );
    expect(text).toContain("What happened: The leather supplier's van broke down");
    expect(text).toContain("We now expect to ship it in 2–5 weeks (by Thursday 24 December).");
    expect(text).toContain("we will upgrade your shipping to express at no cost to you");
    expect(text).toContain("Cancel and refund me: https://");
    expect(text).not.toContain("very probably beat it");
    expect(
      (
        await db.notice.findMany({ where: { orderId: order.id }, orderBy: { revision: "asc" } })
      ).map((n) => n.kind),
    ).toEqual(["first", "later"]);
  });

  it("records a refused delivery with its reason, and a retry sends it", async () => {
    const [order] = await seedOrders(1);
    if (!order) throw new Error("no order");
    const job = await sendJob([order.id]);
    mail.rejectNext(1, "permanent");
    await runJobsToEnd(runner(), db);
    const failed = await db.jobItem.findFirst({ where: { jobId: job.id } });
    expect(failed?.status).toBe("failed");
    expect(failed?.error).toMatch(/Refused by the mail server: 550/);
    expect((await db.notice.findFirst({ where: { orderId: order.id } }))?.status).toBe("failed");

    const { controlJob } = await import("../jobs/jobs.server");
    expect(await controlJob(db, SHOP, job.id, "retry_failed")).toBe(true);
    const before = mail.received().length;
    await runJobsToEnd(runner(), db);
    expect(
      mail
        .received()
        .slice(before)
        .map((m) => m.to[0]),
    ).toEqual([order.email]);
    expect(await db.notice.count({ where: { orderId: order.id } })).toBe(1);
  });

  it("killed halfway and restarted, sends each notice exactly once", async () => {
    const orders = await seedOrders(6);
    const job = await sendJob(orders.map((o) => o.id));
    const before = mail.received().length;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(import.meta.dirname, "notice-job-crash.child.ts"),
        databaseUrl,
        mail.url,
        SECRET,
      ],
      { stdio: "pipe" },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, sig) => resolve(sig)),
    );
    // Killed the way a crashed server dies, as soon as the job's rows show three notices settled.
    while (
      (await db.jobItem.count({ where: { jobId: job.id, status: "done" } })) < 3 &&
      child.exitCode === null
    )
      await new Promise((resolve) => setTimeout(resolve, 1));
    child.kill("SIGKILL");
    const signal = await exited;
    expect(signal, stderr).toBe("SIGKILL");
    const afterCrash = mail.received().length - before;
    expect(afterCrash).toBeGreaterThanOrEqual(3);
    expect(afterCrash).toBeLessThan(6);

    await runJobsToEnd(runner(), db);
    const received = mail.received().slice(before);
    expect(received.map((m) => m.to[0]).sort()).toEqual(orders.map((o) => o.email).sort());
    expect(await db.jobItem.count({ where: { jobId: job.id, status: "done" } })).toBe(6);
    expect(await db.notice.count({ where: { shop: SHOP, status: "sent" } })).toBe(6);
  });

  it("a notice left 'sending' by a crash is sent again once its send claim ran out, as the same bytes with the same Message-ID, and a mailbox files it once", async () => {
    const [order] = await seedOrders(1);
    if (!order) throw new Error("no order");
    const job = await sendJob([order.id]);
    const messageId = `<delay-desk.${gidId(order.id)}.r1@${SHOP}>`;
    // What a crash right after the SMTP server's "250 OK" leaves behind: the message composed and
    // delivered, the row still "sending" under a claim that has since run out, the item "running".
    const composed = await composeMail({
      from: { name: "Dawn Rivera", address: "dawn@oakandhide.com" },
      replyTo: "dawn@oakandhide.com",
      to: order.email ?? "",
      subject: "s",
      text: "t",
      html: "<p>t</p>",
      messageId,
      date: clock,
    });
    await transport.send(composed);
    await db.notice.create({
      data: {
        shop: SHOP,
        orderId: order.id,
        jobId: job.id,
        revision: 1,
        estimateFrom: "2026-12-07",
        estimateTo: "2026-12-18",
        toEmail: order.email ?? "",
        subject: "s",
        status: "sending",
        messageId,
        rawMessage: composed.raw,
        sendingBy: "the crashed process",
        sendingUntil: new Date(Date.now() - 1),
      },
    });
    await db.jobItem.updateMany({
      where: { jobId: job.id },
      data: { status: "running", attempts: 1 },
    });

    await runJobsToEnd(runner(), db);
    const toCustomer = mail.received().filter((m) => m.to[0] === order.email);
    expect(toCustomer.map((m) => m.messageId)).toEqual([messageId, messageId]);
    expect(toCustomer[1]?.raw).toBe(toCustomer[0]?.raw);
    expect(mail.inbox().filter((m) => m.to[0] === order.email)).toHaveLength(1);
    expect(
      await db.notice.findMany({
        where: { orderId: order.id },
        select: { status: true, revision: true },
      }),
    ).toEqual([{ status: "sent", revision: 1 }]);
  });

  // The incident: "the same notice went to the same 255 customers twice, two minutes apart,
  // including one who had just clicked 'I'll wait'". At most one update per order per cadence
  // window (7 days here, the default) unless the date got worse; a cancelled customer hears nothing.
  it("a resend two minutes later sends nothing; a waiting customer hears again when the date gets worse or the week is up; a cancelled one never", async () => {
    const [waits, cancels, silent] = await seedOrders(3);
    if (!waits || !cancels || !silent) throw new Error("no orders");
    const ids = [waits.id, cancels.id, silent.id];
    const before = mail.received().length;
    const toCustomers = () =>
      mail
        .received()
        .slice(before)
        .map((m) => m.to[0]);
    await sendJob(ids);
    await runJobsToEnd(runner(), db);
    expect(toCustomers().sort()).toEqual([waits.email, cancels.email, silent.email].sort());
    await db.customerChoice.create({ data: { shop: SHOP, orderId: waits.id, choice: "wait" } });
    await db.customerChoice.create({ data: { shop: SHOP, orderId: cancels.id, choice: "cancel" } });

    // Two minutes later the merchant presses send again: nobody is due.
    later(2 * MINUTE);
    const plan = await planNotices(db, SHOP, ids, {
      overrideReason: null,
      confirmBetter: false,
      now: clock,
    });
    expect([plan.willSend, plan.tooSoon, plan.cancelled]).toEqual([0, 2, 1]);
    await expect(sendJob(ids)).rejects.toThrow(/No order/);
    await runJobsToEnd(runner(), db);
    expect(toCustomers()).toHaveLength(3);

    // The next day the waiting customer's date gets worse: bad news goes at once (with the reason).
    later(DAY);
    await db.trackedOrder.update({
      where: { shop_id: { shop: SHOP, id: waits.id } },
      data: { conservativeShipDate: "2026-12-24" },
    });
    await sendJob(ids, { overrideReason: "Our leather supplier's van broke down" });
    await runJobsToEnd(runner(), db);
    expect(toCustomers().slice(3)).toEqual([waits.email]);

    // A week after the first notice, the silent customer gets the weekly update; the waiting one
    // was told yesterday and waits for their own week; the cancelled one hears nothing.
    later(6 * DAY);
    await sendJob(ids);
    await runJobsToEnd(runner(), db);
    expect(toCustomers().slice(4)).toEqual([silent.email]);
    const weekly = mail.received().at(-1);
    expect(weekly?.subject).toBe(`Your order ${silent.name} is still on track`);
    expect(weekly?.text).toContain(
      "it is still on track to ship in 1–3 weeks (by Friday 18 December), the date I gave you",
    );

    // It ships: the customers told of a delay hear that, once, with no cancel link; the one who
    // cancelled hears nothing.
    await db.trackedOrder.updateMany({
      where: { shop: SHOP, id: { in: ids } },
      data: { unitsRemaining: 0, displayFulfillmentStatus: "FULFILLED", delayClass: "done" },
    });
    const { shippedSinceTold } = await import("./send-notices.server");
    const shipped = await shippedSinceTold(db, SHOP);
    expect(shipped.sort()).toEqual(ids.slice().sort());
    later(MINUTE);
    await sendJob(shipped);
    await runJobsToEnd(runner(), db);
    const shippedMails = mail.received().slice(before + 5);
    expect(shippedMails.map((m) => m.to[0]).sort()).toEqual([waits.email, silent.email].sort());
    expect(shippedMails.map((m) => m.subject).sort()).toEqual(
      [`Your order ${waits.name} is on its way`, `Your order ${silent.name} is on its way`].sort(),
    );
    expect(shippedMails.every((m) => !m.text.includes("Cancel and refund me"))).toBe(true);
    await expect(sendJob(shipped)).rejects.toThrow(/No order/);
    expect(
      await db.notice.count({ where: { shop: SHOP, orderId: cancels.id, status: "sent" } }),
    ).toBe(1);
  });

  it("two jobs created before either runs tell each customer once: the second finds the first's notice on its way", async () => {
    const orders = await seedOrders(2);
    const ids = orders.map((o) => o.id);
    const before = mail.received().length;
    const first = await sendJob(ids);
    const second = await sendJob(ids);
    await runJobsToEnd(runner(), db);
    expect(
      mail
        .received()
        .slice(before)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(orders.map((o) => o.email).sort());
    expect(await db.jobItem.count({ where: { jobId: first.id, status: "done" } })).toBe(2);
    const held = await db.jobItem.findMany({ where: { jobId: second.id } });
    expect(held.map((item) => [item.status, item.error])).toEqual([
      [
        "skipped",
        expect.stringMatching(/^Told less than a day ago; the next update is due 2026-12-01/),
      ],
      ["skipped", expect.stringMatching(/^Told less than a day ago/)],
    ]);
  });
});
