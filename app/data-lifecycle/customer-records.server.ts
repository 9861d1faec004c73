// Which of the shop's rows belong to one customer: the orders Shopify names, the orders we track
// with the customer's email, and the orders whose notices went to that email. Every other table
// reaches the customer through those order ids.
import type { Prisma, PrismaClient } from "@prisma/client";
import type { CustomerIdentity } from "./compliance-payloads";

export type Db = PrismaClient | Prisma.TransactionClient;

const sameEmail = (a: string | null, b: string) =>
  a !== null && a.trim().toLowerCase() === b.toLowerCase();

/** The customer's order ids in this shop (emails compared case-insensitively, as mail does). */
export async function customerOrderIds(
  db: Db,
  shop: string,
  who: CustomerIdentity,
): Promise<string[]> {
  const ids = new Set(who.orderIds);
  const email = who.email;
  if (email) {
    // SQLite compares case-sensitively and Prisma's insensitive mode is PostgreSQL-only, so the
    // comparison is made here on the two columns that hold an address.
    const orders = await db.trackedOrder.findMany({
      where: { shop, email: { not: null } },
      select: { id: true, email: true },
    });
    for (const order of orders) if (sameEmail(order.email, email)) ids.add(order.id);
    const notices = await db.notice.findMany({
      where: { shop },
      select: { orderId: true, toEmail: true },
    });
    for (const notice of notices) if (sameEmail(notice.toEmail, email)) ids.add(notice.orderId);
  }
  return [...ids];
}

/** The customer's data requests in this shop, by Shopify customer id or email. */
export async function customerDataRequestIds(
  db: Db,
  shop: string,
  who: CustomerIdentity,
): Promise<string[]> {
  const requests = await db.dataRequest.findMany({
    where: { shop },
    select: { id: true, customerId: true, customerEmail: true },
  });
  const email = who.email;
  return requests
    .filter(
      (request) =>
        (who.customerId !== null && request.customerId === who.customerId) ||
        (email !== null && sameEmail(request.customerEmail, email)),
    )
    .map((request) => request.id);
}

/** The customer's waitlist signups in this shop, by email (stored lower-cased; compared as mail does). */
export async function customerWaitlistIds(
  db: Db,
  shop: string,
  who: CustomerIdentity,
): Promise<string[]> {
  const email = who.email;
  if (!email) return [];
  const rows = await db.waitlistSignup.findMany({
    where: { shop },
    select: { id: true, email: true },
  });
  return rows.filter((row) => sameEmail(row.email, email)).map((row) => row.id);
}
