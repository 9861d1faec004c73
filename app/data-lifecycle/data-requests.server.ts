// customers/data_request: Shopify asks the app for what it holds about a customer, to give to the
// merchant, who answers the customer (shopify.dev "Privacy law compliance": the app must provide
// the data to the store owner directly, within 30 days). The request is recorded once (a
// redelivery finds the same row by data_request.id) and listed on the app's data requests page,
// where staff download the export; who downloaded it, and when, is recorded. The export is built
// from the live tables at download time, so nothing personal is copied and a later
// customers/redact leaves no stale copy behind.
import type { PrismaClient } from "@prisma/client";
import type { CustomerIdentity, DataRequestPayload } from "./compliance-payloads";
import { customerOrderIds, customerWaitlistIds } from "./customer-records.server";

export async function recordDataRequest(
  db: PrismaClient,
  shop: string,
  request: DataRequestPayload,
): Promise<{ id: string; created: boolean }> {
  const existing = await db.dataRequest.findUnique({
    where: { shop_shopifyRequestId: { shop, shopifyRequestId: request.shopifyRequestId } },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const row = await db.dataRequest.upsert({
    where: { shop_shopifyRequestId: { shop, shopifyRequestId: request.shopifyRequestId } },
    create: {
      shop,
      shopifyRequestId: request.shopifyRequestId,
      customerId: request.customerId,
      customerEmail: request.email,
      customerPhone: request.phone,
      ordersRequested: JSON.stringify(request.orderIds),
    },
    update: {},
    select: { id: true },
  });
  return { id: row.id, created: true };
}

export interface DataRequestSummary {
  id: string;
  shopifyRequestId: string;
  customerId: string | null;
  receivedAt: string;
  downloadedAt: string | null;
  downloadedByName: string | null;
}

/** The shop's data requests, newest first; no customer email reaches the page. */
export async function listDataRequests(
  db: PrismaClient,
  shop: string,
  take = 100,
): Promise<DataRequestSummary[]> {
  const rows = await db.dataRequest.findMany({
    where: { shop },
    orderBy: { receivedAt: "desc" },
    take,
  });
  return rows.map((row) => ({
    id: row.id,
    shopifyRequestId: row.shopifyRequestId,
    customerId: row.customerId,
    receivedAt: row.receivedAt.toISOString(),
    downloadedAt: row.downloadedAt?.toISOString() ?? null,
    downloadedByName: row.downloadedByName,
  }));
}

function parseOrderIds(text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === "string") : [];
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Everything held about the customer in this shop, as the merchant hands it on. */
export async function assembleCustomerExport(
  db: PrismaClient,
  shop: string,
  who: CustomerIdentity,
) {
  const orderIds = await customerOrderIds(db, shop, who);
  const scoped = { shop, orderId: { in: orderIds } };
  const [orders, notices, choices, events, items, consents] = await Promise.all([
    db.trackedOrder.findMany({
      where: { shop, id: { in: orderIds } },
      orderBy: { createdAt: "asc" },
    }),
    db.notice.findMany({ where: scoped, orderBy: { createdAt: "asc" } }),
    db.customerChoice.findMany({ where: scoped }),
    db.orderEvent.findMany({ where: scoped, orderBy: { createdAt: "asc" } }),
    db.jobItem.findMany({ where: scoped }),
    db.consentRequest.findMany({ where: scoped, orderBy: { createdAt: "asc" } }),
  ]);
  const waitlistIds = await customerWaitlistIds(db, shop, who);
  const waitlist = await db.waitlistSignup.findMany({
    where: { shop, id: { in: waitlistIds } },
    orderBy: { createdAt: "asc" },
  });
  const jobs = await db.job.findMany({
    where: { shop, id: { in: [...new Set(items.map((item) => item.jobId))] } },
    select: { id: true, kind: true, createdAt: true },
  });
  const jobById = new Map(jobs.map((job) => [job.id, job]));
  return {
    orders: orders.map((order) => ({
      id: order.id,
      name: order.name,
      createdAt: order.createdAt,
      cancelledAt: order.cancelledAt,
      email: order.email,
      firstName: order.customerFirstName,
      lastName: order.customerLastName,
      locale: order.customerLocale,
      total: { amount: order.totalAmount, currencyCode: order.currencyCode },
      paid:
        order.presentmentAmount === null
          ? null
          : { amount: order.presentmentAmount, currencyCode: order.presentmentCurrencyCode },
      fulfillmentStatus: order.displayFulfillmentStatus,
      lineItems: parseJson(order.lineItems),
      promisedShipDate: order.promisedShipDate,
      likelyShipDate: order.likelyShipDate,
      conservativeShipDate: order.conservativeShipDate,
    })),
    notices: notices.map((notice) => ({
      orderId: notice.orderId,
      revision: notice.revision,
      toEmail: notice.toEmail,
      subject: notice.subject,
      estimateFrom: notice.estimateFrom,
      estimateTo: notice.estimateTo,
      status: notice.status,
      sentAt: notice.sentAt,
    })),
    choices: choices.map((choice) => ({
      orderId: choice.orderId,
      choice: choice.choice,
      chosenAt: choice.chosenAt,
    })),
    // What each delay notice asked under the consent law, and the customer's answer (app/consent).
    consents: consents.map((ask) => ({
      orderId: ask.orderId,
      ruleSet: ask.ruleSet,
      asked: ask.terms,
      deadline: ask.deadline,
      status: ask.status,
      answeredAt: ask.answeredAt,
    })),
    timeline: events.map((event) => ({
      orderId: event.orderId,
      kind: event.kind,
      at: event.createdAt,
      detail: parseJson(event.detail),
    })),
    // The waitlist while paused (app/waitlist): what they agreed to, when, and what was sent.
    waitlist: waitlist.map((row) => ({
      email: row.email,
      locale: row.locale,
      consent: row.consentText,
      consentedAt: row.consentAt,
      status: row.status,
      mailedAt: row.mailedAt,
      unsubscribedAt: row.unsubscribedAt,
    })),
    remedies: items.map((item) => ({
      orderId: item.orderId,
      kind: jobById.get(item.jobId)?.kind ?? null,
      status: item.status,
      amount: item.amount,
      at: item.updatedAt,
      result: parseJson(item.result),
    })),
  };
}

export type CustomerExport = Awaited<ReturnType<typeof assembleCustomerExport>>;

export interface Downloader {
  staffId: string | null;
  staffName: string | null;
}

/** The export for one of the shop's requests, recording who downloaded it; null if the shop has no such request. */
export async function downloadDataRequest(
  db: PrismaClient,
  shop: string,
  id: string,
  by: Downloader,
  now = new Date(),
) {
  const request = await db.dataRequest.findFirst({ where: { id, shop } });
  if (!request) return null;
  const who: CustomerIdentity = {
    customerId: request.customerId,
    email: request.customerEmail,
    phone: request.customerPhone,
    orderIds: parseOrderIds(request.ordersRequested),
  };
  const data = await assembleCustomerExport(db, shop, who);
  await db.dataRequest.update({
    where: { id: request.id },
    data: { downloadedAt: now, downloadedBy: by.staffId, downloadedByName: by.staffName },
  });
  return {
    request: {
      shop,
      shopifyRequestId: request.shopifyRequestId,
      receivedAt: request.receivedAt,
      customer: {
        id: request.customerId,
        email: request.customerEmail,
        phone: request.customerPhone,
      },
      ordersRequested: who.orderIds,
    },
    generatedAt: now,
    ...data,
  };
}
