// Notices at speed, exactly once (issue 15 point 4): a notice job of N orders (default 2,000) sent
// by the app's own runner to a local SMTP sink (simulator/mail/mail-server.ts, in its own process as
// the merchant's SMTP server is: mail-sink.ts) through the pooled transport production opens from
// SMTP_URL, then N more orders through a transport that opens one
// connection per message (the peer, what the app did before), in the same run. Each notice also
// writes the order's status metafield through the Admin API, paced by the simulated shop's bucket
// as Shopify paces it (a Plus shop: 20,000 points, 1,000 a second; on Standard's 100 points a
// second the metafield writes, not the mail, would bound the job at ≈10 notices/s, printed below).
// Exactly once is counted at the sink: deliveries per notice's Message-ID (must be 1), lost (0),
// duplicates (0).
import { loadavg } from "node:os";
import { startMailSink, type MailSink } from "./mail-sink";
import type { BenchRow } from "../bench";
import type { JobHarness } from "../../tests/support/job-harness";
import type { NoticeJobParams } from "../../app/notices/notice-job.server";

export const title =
  "Notices: a notice job to a local SMTP server, pooled transport vs one connection per mail";

const COUNT = Number(process.env.BENCH_NOTICES ?? 2_000);

const params: NoticeJobParams = {
  template: {
    subject: "An update on your order {{order_name}}",
    body: "Hi {{first_name}},\n\nYour order ships {{estimate}}.\n\n{{reason}}",
    reason: "Our tannery is running late.",
  },
  replyTo: "dawn@oakandhide.com",
  sender: { name: "Dawn Rivera", role: "Operations manager", shopName: "Oak & Hide Workshop" },
  overrideReason: null,
  confirmBetter: false,
  wordings: {},
  makeGood: null,
};

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function runOne(
  h: JobHarness,
  mail: MailSink,
  label: string,
  orderIds: string[],
  pooled: boolean,
): Promise<{ rows: BenchRow[]; rate: number }> {
  const { appServices } = await import("../../app/services.server");
  const { createJob } = await import("../../app/jobs/jobs.server");
  const { JobRunner } = await import("../../app/jobs/runner.server");
  const { JobKindRegistry } = await import("../../app/jobs/job-kind");
  const { noticeJobKind } = await import("../../app/notices/notice-job.server");
  const { smtpTransport } = await import("../../app/notices/mail-transport.server");
  const { backgroundAdmin } = await import("../../app/shopify.server");
  const { runJobsToEnd } = await import("../../tests/support/run-jobs");
  const services = appServices();
  // Pooled: the app's own runner and notice kind, from its composition root (SMTP_URL = the sink).
  // The peer: the same runner settings and kind over a transport without a pool.
  const perMail = pooled ? null : smtpTransport(mail.url, { pool: false });
  const kind = perMail
    ? noticeJobKind({
        db: h.db,
        transport: () => perMail,
        secret: process.env.SHOPIFY_API_SECRET ?? "",
      })
    : services.noticeKind;
  const runner = perMail
    ? new JobRunner({
        db: h.db,
        registry: new JobKindRegistry().register(kind),
        adminFor: async (shop) => backgroundAdmin(shop),
        pollMs: 500,
      })
    : services.jobs;
  const before = await mail.received();
  const statsBefore = runner.stats(h.app.shop);
  const costBefore = { cost: statsBefore?.cost ?? 0, throttled: statsBefore?.throttled ?? 0 };
  const job = await createJob(h.db, {
    shop: h.app.shop,
    kind,
    params,
    orderIds,
    createdBy: "bench",
  });
  const planned = await h.db.jobItem.count({ where: { jobId: job.id } });
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await runJobsToEnd(runner, h.db, { pollMs: 20 });
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  perMail?.close();
  const after = await mail.received();
  const received = after.messageIds.slice(before.messageIds.length);
  const sinkMs = (after.cpuMs - before.cpuMs) / Math.max(1, received.length);
  // Per order, by the notice's Message-ID (one customer may have several orders).
  const notices = await h.db.notice.findMany({
    where: { jobId: job.id },
    select: { messageId: true },
  });
  const perNotice = new Map<string, number>(notices.map((n) => [n.messageId ?? "", 0]));
  for (const messageId of received) {
    const id = messageId ?? "";
    perNotice.set(id, (perNotice.get(id) ?? 0) + 1);
  }
  const counts = [...perNotice.values()];
  const lost = counts.filter((n) => n === 0).length + Math.max(0, planned - notices.length);
  const duplicates = counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const sent = await h.db.notice.count({ where: { jobId: job.id, status: "sent" } });
  const failed = await h.db.jobItem.count({ where: { jobId: job.id, status: { not: "done" } } });
  const stats = runner.stats(h.app.shop);
  const rate = received.length / seconds;
  // CPU per mail (this process: the app and the simulated Shopify), which the machine's load does
  // not inflate the way it does wall time: 1,000 ÷ it is what one free core would send per second.
  // The SMTP sink's own CPU is printed beside it (its process).
  const cpuMs = (cpu.user + cpu.system) / 1000 / Math.max(1, received.length);
  return {
    rate,
    rows: [
      {
        figure: `${label}: mails/s`,
        value: `${rate.toFixed(1)} mails/s`,
        note: `${received.length} mails in ${seconds.toFixed(1)} s; ${planned} items`,
      },
      {
        figure: `${label}: CPU per mail`,
        value: `${cpuMs.toFixed(2)} ms`,
        note: `≈ ${(1000 / cpuMs).toFixed(0)} mails/s on one free core (the app and the simulated Shopify); the SMTP sink's process ${sinkMs.toFixed(2)} ms`,
      },
      {
        figure: `${label}: exactly once`,
        value: `${lost === 0 && duplicates === 0 ? "yes" : "NO"}: lost ${lost}, duplicates ${duplicates}`,
        note: `${sent} Notice rows sent, ${failed} items not done; must be yes, 0, 0`,
      },
      {
        figure: `${label}: Admin API`,
        value: `${(stats?.cost ?? 0) - costBefore.cost} points, ${(stats?.throttled ?? 0) - costBefore.throttled} THROTTLED`,
        note: "the order status metafields, up to 25 per metafieldsSet call",
      },
    ],
  };
}

export async function run(): Promise<BenchRow[]> {
  const mail = await startMailSink();
  // The composition root opens its transport from SMTP_URL when first built (by the harness).
  process.env.SMTP_URL = mail.url;
  const { startJobHarness } = await import("../../tests/support/job-harness");
  const warm = Math.min(100, Math.ceil(COUNT / 10));
  const h = await startJobHarness({
    orders: Math.ceil((COUNT * 2 + warm * 2) * 1.1),
    seed: 5,
    plan: "PLUS",
  });
  try {
    // Every order with an email is, as the app sees it, open and late: the same forecast for all.
    await h.db.trackedOrder.updateMany({
      where: { shop: h.app.shop },
      data: {
        displayFulfillmentStatus: "UNFULFILLED",
        unitsRemaining: 1,
        cancelledAt: null,
        closedAt: null,
        delayClass: "at_risk",
        promisedShipDate: day(1),
        likelyShipDate: day(7),
        conservativeShipDate: day(18),
      },
    });
    const open = h.store.orders.filter((o) => o.email).map((o) => `gid://shopify/Order/${o.id}`);
    if (open.length < 2 * COUNT + 2 * warm)
      throw new Error(`the seeded shop has ${open.length} open orders`);
    // Unmeasured first: a small job through each transport, so neither measured run pays for the
    // first compile of the code and the queries (the first run measured used to).
    const rest = open.slice(2 * COUNT);
    await runOne(h, mail, "warm-up", rest.slice(0, warm), true);
    await runOne(h, mail, "warm-up", rest.slice(warm, 2 * warm), false);
    const load = loadavg()[0] ?? 0;
    const pooled = await runOne(h, mail, "pooled (5 connections)", open.slice(0, COUNT), true);
    // Let the bucket fill again so both runs start alike: 10 points a notice back at 1,000 a second.
    await new Promise((resolve) => setTimeout(resolve, Math.min(21_000, COUNT * 10 + 500)));
    const peer = await runOne(
      h,
      mail,
      "one connection per mail (peer)",
      open.slice(COUNT, 2 * COUNT),
      false,
    );
    return [
      ...pooled.rows,
      ...peer.rows,
      {
        figure: "pooled ÷ one connection per mail",
        value: `${(pooled.rate / peer.rate).toFixed(2)}×`,
        note: `goal ≥ 100 mails/s pooled; load average ${load.toFixed(1)} at the start`,
      },
    ];
  } finally {
    await h.close();
    await mail.close();
  }
}
