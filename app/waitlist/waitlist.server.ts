// The waitlist's use cases: a shopper joins while the storefront is paused, the shop reopens (the
// rows become due, in the same transaction as the resume), a mail recipient unsubscribes, and the
// app counts the list. Every read and write is scoped by shop; the addresses never leave these
// rows except in the one mail (waitlist-mailer.server.ts) and the data export.
import type { Prisma, PrismaClient } from "@prisma/client";

export type JoinResult = "joined" | "already" | "not-paused" | "closed";

type Db = Pick<PrismaClient, "waitlistSignup" | "storefrontState">;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * Puts the address on the shop's list while the storefront is paused, recording what the shopper
 * agreed to and when. On the list already (waiting, or its mail on the way): nothing changes, so
 * it still gets one mail. Mailed or unsubscribed before: this is a new request with a new consent.
 */
export async function joinWaitlist(
  db: Db,
  shop: string,
  input: { email: string; locale: string | null; consentText: string },
  now: Date,
): Promise<JoinResult> {
  const state = await db.storefrontState.findUnique({
    where: { shop },
    select: { mode: true, waitlist: true },
  });
  if (state?.mode !== "paused") return "not-paused";
  // The merchant turned the form off: a form left open in a tab (or a bot) adds no one.
  if (!state.waitlist) return "closed";
  const fresh = {
    locale: input.locale,
    consentText: input.consentText,
    consentAt: now,
    status: "waiting",
  };
  const existing = await db.waitlistSignup.findUnique({
    where: { shop_email: { shop, email: input.email } },
    select: { id: true, status: true },
  });
  if (existing) {
    if (existing.status === "waiting" || existing.status === "due") return "already";
    const renewed = await db.waitlistSignup.updateMany({
      where: { id: existing.id, shop, status: existing.status },
      data: {
        ...fresh,
        dueAt: null,
        messageId: null,
        rawMessage: null,
        error: null,
        attempts: 0,
        mailedAt: null,
        unsubscribedAt: null,
      },
    });
    return renewed.count === 1 ? "joined" : "already";
  }
  try {
    await db.waitlistSignup.create({ data: { shop, email: input.email, ...fresh } });
    return "joined";
  } catch (error) {
    // The same address sent twice at once: the other request put it on the list.
    if (isUniqueViolation(error)) return "already";
    throw error;
  }
}

/**
 * The write that makes the list due when the storefront leaves "paused": part of the resume's own
 * transaction (storefront-mode.server.ts), so a resume and its mails are one fact.
 */
export function markWaitlistDue(
  db: Pick<PrismaClient, "waitlistSignup">,
  shop: string,
  now: Date,
): Prisma.PrismaPromise<Prisma.BatchPayload> {
  return db.waitlistSignup.updateMany({
    where: { shop, status: "waiting" },
    data: { status: "due", dueAt: now },
  });
}

/** One click from the mail: the signup gets nothing (more). True if the link's signup exists. */
export async function unsubscribeFromWaitlist(
  db: Pick<PrismaClient, "waitlistSignup">,
  shop: string,
  signupId: string,
  now: Date,
): Promise<boolean> {
  const found = await db.waitlistSignup.findFirst({
    where: { id: signupId, shop },
    select: { status: true },
  });
  if (!found) return false;
  if (found.status !== "unsubscribed")
    await db.waitlistSignup.updateMany({
      where: { id: signupId, shop, status: { not: "unsubscribed" } },
      data: { status: "unsubscribed", unsubscribedAt: now, rawMessage: null },
    });
  return true;
}

export interface WaitlistCounts {
  waiting: number;
  due: number;
  mailed: number;
  unsubscribed: number;
  failed: number;
}

/** The list as the storefront page shows it: counts only, never an address. */
export async function waitlistCounts(
  db: Pick<PrismaClient, "waitlistSignup">,
  shop: string,
): Promise<WaitlistCounts> {
  const groups = await db.waitlistSignup.groupBy({
    by: ["status"],
    where: { shop },
    _count: { _all: true },
  });
  const counts: WaitlistCounts = { waiting: 0, due: 0, mailed: 0, unsubscribed: 0, failed: 0 };
  for (const group of groups) {
    const status = group.status;
    if (
      status === "waiting" ||
      status === "due" ||
      status === "mailed" ||
      status === "unsubscribed" ||
      status === "failed"
    )
      counts[status] = group._count._all;
  }
  return counts;
}
