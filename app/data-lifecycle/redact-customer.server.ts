// customers/redact: the customer's personal data leaves every table (model-treatment.ts says how
// for each), while order ids, amounts, statuses and dates stay for the merchant's accounting.
// shopify.dev "Privacy law compliance": sent 10 days after the merchant's request (or 6 months if
// the customer ordered in the last 6 months), with customer.id/email/phone and orders_to_redact;
// the app must complete it within 30 days. Run again with the same request, it finds nothing left
// to change (every write below is "set to the anonymised value").
import type { PrismaClient } from "@prisma/client";
import type { CustomerIdentity } from "./compliance-payloads";
import {
  customerDataRequestIds,
  customerOrderIds,
  customerWaitlistIds,
  type Db,
} from "./customer-records.server";
import {
  identifierPattern,
  REDACTED,
  scrubJson,
  scrubNullableJson,
  scrubNullableText,
  scrubText,
} from "./scrub";

export interface CustomerRedaction {
  orders: number;
  notices: number;
  events: number;
  jobItems: number;
  jobs: number;
  dataRequests: number;
  waitlist: number;
}

async function redactInside(
  tx: Db,
  shop: string,
  who: CustomerIdentity,
): Promise<CustomerRedaction> {
  const orderIds = await customerOrderIds(tx, shop, who);
  const orders = await tx.trackedOrder.findMany({
    where: { shop, id: { in: orderIds } },
    select: { customerFirstName: true, customerLastName: true, email: true },
  });
  // The names Shopify did not send: the ones we stored with the customer's orders.
  const pattern = identifierPattern([
    who.email,
    who.phone,
    ...orders.flatMap((o) => [o.email, o.customerFirstName, o.customerLastName]),
  ]);

  const { count: orderCount } = await tx.trackedOrder.updateMany({
    where: { shop, id: { in: orderIds } },
    data: { email: null, customerFirstName: null, customerLastName: null, customerLocale: null },
  });

  const notices = await tx.notice.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { id: true, subject: true, error: true },
  });
  for (const notice of notices) {
    await tx.notice.update({
      where: { id: notice.id },
      data: {
        toEmail: REDACTED,
        // A notice not yet sent keeps its composed message (addresses, name, links): dropped.
        rawMessage: null,
        subject: scrubText(notice.subject, pattern),
        error: scrubNullableText(notice.error, pattern),
      },
    });
  }

  const events = await tx.orderEvent.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { id: true, actorName: true, detail: true },
  });
  for (const event of events) {
    await tx.orderEvent.update({
      where: { id: event.id },
      data: {
        actorName: scrubNullableText(event.actorName, pattern),
        detail: scrubJson(event.detail, pattern),
      },
    });
  }

  // Only rows that change are written, and updatedAt is carried over: a redaction is not progress
  // of the job (the jobs page rates items by it), and a redelivery must write nothing at all.
  const items = await tx.jobItem.findMany({
    where: { shop, orderId: { in: orderIds } },
    select: { id: true, jobId: true, result: true, error: true, updatedAt: true },
  });
  for (const item of items) {
    const data = {
      result: scrubNullableJson(item.result, pattern),
      error: scrubNullableText(item.error, pattern),
    };
    if (data.result !== item.result || data.error !== item.error)
      await tx.jobItem.update({
        where: { id: item.id },
        data: { ...data, updatedAt: item.updatedAt },
      });
  }

  const jobIds = [...new Set(items.map((item) => item.jobId))];
  const jobs = await tx.job.findMany({
    where: { shop, id: { in: jobIds } },
    select: { id: true, params: true, updatedAt: true },
  });
  for (const job of jobs) {
    const params = scrubJson(job.params, pattern);
    if (params !== job.params)
      await tx.job.update({ where: { id: job.id }, data: { params, updatedAt: job.updatedAt } });
  }

  const requestIds = await customerDataRequestIds(tx, shop, who);
  const { count: requestCount } = await tx.dataRequest.updateMany({
    where: { shop, id: { in: requestIds } },
    data: { customerEmail: null, customerPhone: null },
  });

  // The waitlist holds the address itself (no order): its rows go, whatever their state.
  const waitlist = await erasedWaitlistSignups(tx, shop, who);

  return {
    orders: orderCount,
    notices: notices.length,
    events: events.length,
    jobItems: items.length,
    jobs: jobs.length,
    dataRequests: requestCount,
    waitlist,
  };
}

async function erasedWaitlistSignups(tx: Db, shop: string, who: CustomerIdentity) {
  const ids = await customerWaitlistIds(tx, shop, who);
  if (ids.length === 0) return 0;
  return (await tx.waitlistSignup.deleteMany({ where: { shop, id: { in: ids } } })).count;
}

export async function redactCustomer(
  db: PrismaClient,
  shop: string,
  who: CustomerIdentity,
): Promise<CustomerRedaction> {
  return db.$transaction((tx) => redactInside(tx, shop, who), { timeout: 60_000 });
}
