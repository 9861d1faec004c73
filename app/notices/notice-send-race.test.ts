// Two performers of one notice job item at once (issue 12 point 5): the runner's lease on the item
// is lost by a runner that is still alive (a CPU-starved process whose heartbeat slipped past it),
// another runner takes the item over while the first is mid-send. Reproduced here without
// luck: runner A's message is held at the SMTP sink before its "250" (`holdReplies`), A's lease is
// made to run out in the database the way a missed heartbeat leaves it (A's own heartbeat is a
// minute away), and runner B, a second process's runner on the same database, takes the item.
// Outcomes are read at the SMTP sink (what went over the wire, byte for byte) and in the rows.
//
// Why a repeat with the same bytes and Message-ID is acceptable where a second message is not:
// RFC 5322 §3.6.4 makes the Message-ID "a unique message identifier that refers to a particular
// version of a particular message", and a message is its bytes (https://www.rfc-editor.org/rfc/
// rfc5322#section-3.6.4); mailbox stores drop a delivery whose Message-ID they hold (the sink's
// `inbox` does the same, simulator/mail/mail-server.ts). A re-rendered notice (new signed links,
// new Date and MIME boundaries) under the same Message-ID is a different message that a mailbox
// may show, or hide, arbitrarily.
import type { PrismaClient } from "@prisma/client";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startMailServer, type RunningMailServer } from "@delay-desk/simulator/mail/mail-server";
import { freshDatabaseUrl } from "../../tests/support/database";
import { insertTrackedOrders, openDatabase, trackedOrder } from "../../tests/support/factories";
import { createJob } from "../jobs/jobs.server";
import { JobKindRegistry } from "../jobs/job-kind";
import { JobRunner } from "../jobs/runner.server";
import { smtpTransport } from "./mail-transport.server";
import { noticeJobKind, type NoticeJobParams } from "./notice-job.server";
import { SEND_CLAIM_POLL_MS } from "./notice-send-claim";
import { DEFAULT_TEMPLATE } from "./render-notice";

const SHOP = "oak-and-hide.myshopify.com";
const SECRET = "test-secret";
const params: NoticeJobParams = {
  template: DEFAULT_TEMPLATE,
  replyTo: "dawn@oakandhide.com",
  sender: { name: "Dawn Rivera", role: "Operations manager", shopName: "Oak & Hide Workshop" },
  overrideReason: null,
  confirmBetter: false,
  wordings: {},
  makeGood: null,
};
const clock = () => new Date("2026-11-24T12:00:00Z");

let mail: RunningMailServer;
let transport: ReturnType<typeof smtpTransport>;
let db: PrismaClient;
const runners: JobRunner[] = [];

beforeAll(async () => {
  mail = await startMailServer();
  transport = smtpTransport(mail.url);
});
afterAll(async () => {
  transport.close();
  await mail.close();
});
beforeEach(async () => {
  db = await openDatabase(freshDatabaseUrl());
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await db.$disconnect();
});

/** A runner as one app process has it; `sendClaimMs` as that process's setting. */
function runner(options: { sendClaimMs?: number; onSleep?: (ms: number) => void } = {}): JobRunner {
  const kind = noticeJobKind({
    db,
    transport: () => transport,
    secret: SECRET,
    now: clock,
    ...(options.sendClaimMs ? { sendClaimMs: options.sendClaimMs } : {}),
  });
  const made = new JobRunner({
    db,
    registry: new JobKindRegistry().register(kind),
    adminFor: () => Promise.reject(new Error("no Admin API here")),
    pollMs: 10,
    maxAttempts: 1,
    // A minute: its own heartbeat (every 20 s) never renews what the test lets run out.
    leaseMs: 60_000,
    sleep: (ms) => {
      options.onSleep?.(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
  });
  runners.push(made);
  return made;
}

async function oneNoticeJob() {
  const order = trackedOrder(SHOP, {
    delayClass: "at_risk",
    promisedShipDate: "2026-12-01",
    likelyShipDate: "2026-12-07",
    conservativeShipDate: "2026-12-18",
  });
  await insertTrackedOrders(db, [order]);
  if (!order.email) throw new Error("no email");
  const kind = noticeJobKind({ db, transport: () => transport, secret: SECRET, now: clock });
  const job = await createJob(db, {
    shop: SHOP,
    kind,
    params,
    orderIds: [order.id],
    createdBy: "1",
  });
  return { job, order, email: order.email };
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A's item lease runs out while A is alive and mid-send; B, another process's runner, takes it. */
async function loseLeaseToSecondRunner(jobId: string, second: JobRunner) {
  await db.jobItem.updateMany({
    where: { jobId, status: "running" },
    data: { leaseUntil: new Date(Date.now() - 1) },
  });
  second.start();
  await until("the second runner to take the item over", async () => {
    const item = await db.jobItem.findFirst({ where: { jobId } });
    return item?.leaseOwner === second.owner;
  });
}

async function untilJobDone(jobId: string) {
  await until(
    "the job to complete",
    async () => (await db.job.findFirst({ where: { id: jobId } }))?.status === "completed",
  );
}

describe("two performers of one notice job item", () => {
  it("a runner that took the item over while the first was still sending waits for it: one message on the wire, one Notice row, one timeline event", async () => {
    const { job, order, email } = await oneNoticeJob();
    const before = mail.received().length;
    const release = mail.holdReplies();
    const first = runner();
    first.start();
    await mail.waitFor(before + 1);

    let secondWaited = false;
    // The runner's own idle polls sleep 10 ms; a performer waiting on a claim sleeps its poll.
    const second = runner({ onSleep: (ms) => (secondWaited ||= ms === SEND_CLAIM_POLL_MS) });
    await loseLeaseToSecondRunner(job.id, second);
    // Either the second performer sends its own copy, or it waits for the first's outcome.
    await until("the second performer to send or wait", () =>
      secondWaited || mail.received().length > before + 1 ? true : false,
    );
    release();
    await untilJobDone(job.id);

    const toCustomer = mail.received().filter((m) => m.to[0] === email);
    expect(toCustomer).toHaveLength(1);
    const notices = await db.notice.findMany({ where: { shop: SHOP, orderId: order.id } });
    expect(notices.map((n) => [n.status, n.revision, n.messageId])).toEqual([
      ["sent", 1, toCustomer[0]?.messageId],
    ]);
    // Nothing personal kept once sent, no claim left behind.
    expect(notices.map((n) => [n.rawMessage, n.sendingBy, n.sendingUntil])).toEqual([
      [null, null, null],
    ]);
    const events = await db.orderEvent.findMany({
      where: { shop: SHOP, orderId: order.id, kind: "notice" },
    });
    expect(events).toHaveLength(1);
    const item = await db.jobItem.findFirstOrThrow({ where: { jobId: job.id } });
    expect([item.status, item.attempts, item.leaseOwner]).toEqual(["done", 2, null]);
  });

  it("a runner that takes over a send claim that ran out (its holder hung past every timeout) sends the stored message again: the same bytes and Message-ID on the wire, one in the mailbox, one Notice row, one timeline event", async () => {
    const { job, order, email } = await oneNoticeJob();
    const before = mail.received().length;
    const release = mail.holdReplies();
    const claimMs = 300;
    const first = runner({ sendClaimMs: claimMs });
    first.start();
    await mail.waitFor(before + 1);
    // The first performer's claim runs out while its send still hangs.
    await new Promise((resolve) => setTimeout(resolve, claimMs + 50));
    const second = runner();
    await loseLeaseToSecondRunner(job.id, second);
    await mail.waitFor(before + 2);
    release();
    await untilJobDone(job.id);

    const toCustomer = mail.received().filter((m) => m.to[0] === email);
    expect(toCustomer).toHaveLength(2);
    expect(toCustomer[1]?.messageId).toBe(toCustomer[0]?.messageId);
    expect(toCustomer[1]?.raw).toBe(toCustomer[0]?.raw);
    expect(mail.inbox().filter((m) => m.to[0] === email)).toHaveLength(1);
    expect(
      (await db.notice.findMany({ where: { shop: SHOP, orderId: order.id } })).map((n) => [
        n.status,
        n.revision,
      ]),
    ).toEqual([["sent", 1]]);
    expect(
      await db.orderEvent.count({ where: { shop: SHOP, orderId: order.id, kind: "notice" } }),
    ).toBe(1);
    const item = await db.jobItem.findFirstOrThrow({ where: { jobId: job.id } });
    expect([item.status, item.attempts]).toEqual(["done", 2]);
  });
});
