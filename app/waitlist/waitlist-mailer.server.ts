// Sends the one "we're open again" mail to every due waitlist signup: durable and leased like the
// notice job (app/leases/lease.ts, decision 012). The rows became due in the resume's own
// transaction (waitlist.server.ts), so a resume is never without its mails; this sweep, run by the
// composition root every few seconds, claims a chunk of due rows with one conditional write
// (several processes never take the same row), composes each mail once and stores the bytes under
// the lease, sends them through the app's pooled transport and marks the row mailed. A process that
// dies mid-chunk leaves its rows to the next claimer once the lease runs out, which sends the
// stored bytes again (same Message-ID: a mailbox files it once), the same choice notices make
// (docs/notices.md, "The one window we cannot close"). Unsubscribed rows are never claimed, and a
// row unsubscribed after its claim is checked once more just before its send.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { adminQuery, type AdminGraphql } from "../admin-api/graphql.server";
import { leaseFree, leasedTo, released } from "../leases/lease";
import { composeMail } from "../notices/compose-mail";
import type { MailTransport } from "../notices/mail-transport.server";
import { renderReopenMail } from "./reopen-mail";
import { unsubscribeUrl } from "./unsubscribe-token.server";

/** A claim outlasts the longest a live send can take (SMTP_TIMEOUTS, mail-transport.server.ts). */
export const WAITLIST_LEASE_MS = 120_000;
/** Rows claimed per conditional write. */
export const WAITLIST_CHUNK = 100;
/** Tries of a transient failure (4xx, lost connection) before the row is marked failed. */
export const WAITLIST_MAX_ATTEMPTS = 5;

export const WAITLIST_SHOP_QUERY = `#graphql
  query WaitlistShop {
    shop {
      name
    }
  }
`;
const shopSchema = z.object({ shop: z.object({ name: z.string() }) });

export interface WaitlistMailerDeps {
  db: PrismaClient;
  /** null when SMTP_URL is not configured: rows stay due and say why. */
  transport: () => MailTransport | null;
  adminFor: (shop: string) => Promise<AdminGraphql>;
  /** The app secret: signs the unsubscribe links. */
  secret: string;
  /** This process, as it signs its leases. */
  owner: string;
  now?: () => Date;
  leaseMs?: number;
  chunk?: number;
}

export interface SweepResult {
  mailed: number;
  failed: number;
}

interface Sender {
  from: { name: string; address: string } | null;
  shopName: string;
}

export function waitlistMessageId(shop: string, signupId: string): string {
  return `<delay-desk.waitlist.${signupId}@${shop}>`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createWaitlistMailer(deps: WaitlistMailerDeps): { sweep(): Promise<SweepResult> } {
  const now = deps.now ?? (() => new Date());
  const db = deps.db;
  const leaseMs = deps.leaseMs ?? WAITLIST_LEASE_MS;

  async function senderFor(shop: string): Promise<Sender> {
    const [template, settings] = await Promise.all([
      db.noticeTemplate.findUnique({ where: { shop }, select: { replyTo: true } }),
      db.shopSettings.findUnique({ where: { shop }, select: { senderName: true } }),
    ]);
    let shopName = shop.replace(/\.myshopify\.com$/, "");
    try {
      shopName = (await adminQuery(await deps.adminFor(shop), WAITLIST_SHOP_QUERY, shopSchema)).shop
        .name;
    } catch {
      // Without the Admin API (no session yet) the mail names the shop by its domain.
    }
    return {
      shopName,
      from: template ? { name: settings?.senderName ?? shopName, address: template.replyTo } : null,
    };
  }

  async function mailOne(
    row: {
      id: string;
      shop: string;
      email: string;
      locale: string | null;
      rawMessage: string | null;
      attempts: number;
    },
    claim: string,
    sender: Sender,
    transport: MailTransport,
  ): Promise<"mailed" | "failed" | "later"> {
    const messageId = waitlistMessageId(row.shop, row.id);
    const from = sender.from;
    if (!from) {
      await db.waitlistSignup.updateMany({
        where: { id: row.id, shop: row.shop, leaseOwner: claim },
        data: {
          error: "No reply-to address yet: save the notice template once (Notices page).",
          ...released,
        },
      });
      return "later";
    }
    let raw = row.rawMessage;
    if (!raw) {
      const mail = renderReopenMail({
        locale: row.locale,
        shopName: sender.shopName,
        shopUrl: `https://${row.shop}`,
        unsubscribeUrl: unsubscribeUrl(deps.secret, { shop: row.shop, signupId: row.id }),
      });
      const composed = await composeMail({
        from,
        replyTo: from.address,
        to: row.email,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId,
        date: now(),
      });
      const stored = await db.waitlistSignup.updateMany({
        where: { id: row.id, shop: row.shop, leaseOwner: claim, rawMessage: null, status: "due" },
        data: { rawMessage: composed.raw, messageId },
      });
      if (stored.count !== 1) return "later";
      raw = composed.raw;
    }
    // Unsubscribed since the claim: nothing goes out.
    const still = await db.waitlistSignup.findFirst({
      where: { id: row.id, shop: row.shop, leaseOwner: claim, status: "due" },
      select: { id: true },
    });
    if (!still) return "later";
    const result = await transport.send({
      envelope: { from: from.address, to: row.email },
      raw,
      messageId,
    });
    if (result.ok) {
      await db.waitlistSignup.updateMany({
        where: { id: row.id, shop: row.shop, status: "due" },
        data: { status: "mailed", mailedAt: now(), rawMessage: null, error: null, ...released },
      });
      return "mailed";
    }
    const giveUp = result.permanent || row.attempts >= WAITLIST_MAX_ATTEMPTS;
    await db.waitlistSignup.updateMany({
      where: { id: row.id, shop: row.shop, leaseOwner: claim },
      data: {
        error: `${result.permanent ? "Refused by the mail server" : "Mail server unavailable (temporary)"}: ${result.reason}`,
        ...(giveUp ? { status: "failed", rawMessage: null } : {}),
        ...released,
      },
    });
    return giveUp ? "failed" : "later";
  }

  async function sweep(): Promise<SweepResult> {
    const total: SweepResult = { mailed: 0, failed: 0 };
    const transport = deps.transport();
    if (!transport) return total;
    for (;;) {
      const at = now();
      const candidates = await db.waitlistSignup.findMany({
        where: { status: "due", ...leaseFree(at) },
        select: { id: true },
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        take: deps.chunk ?? WAITLIST_CHUNK,
      });
      if (candidates.length === 0) return total;
      // One conditional write for the chunk: of several processes that read the same rows, each
      // row's write matches for exactly one (it is no longer lease-free for the others).
      const claim = `${deps.owner}:${randomUUID().slice(0, 8)}`;
      await db.waitlistSignup.updateMany({
        where: { id: { in: candidates.map((c) => c.id) }, status: "due", ...leaseFree(at) },
        data: { ...leasedTo(claim, at, leaseMs), attempts: { increment: 1 } },
      });
      const mine = await db.waitlistSignup.findMany({
        where: { leaseOwner: claim },
        select: {
          id: true,
          shop: true,
          email: true,
          locale: true,
          rawMessage: true,
          attempts: true,
        },
      });
      if (mine.length === 0) continue;
      const senders = new Map<string, Promise<Sender>>();
      const outcomes = await Promise.all(
        mine.map(async (row) => {
          let sender = senders.get(row.shop);
          if (!sender) {
            sender = senderFor(row.shop);
            senders.set(row.shop, sender);
          }
          try {
            return await mailOne(row, claim, await sender, transport);
          } catch (error) {
            // A busy database mid-send: the lease runs out and the row is taken again.
            console.warn(`waitlist mailer: signup ${row.id} left for later: ${messageOf(error)}`);
            return "later" as const;
          }
        }),
      );
      for (const outcome of outcomes) {
        if (outcome === "mailed") total.mailed += 1;
        if (outcome === "failed") total.failed += 1;
      }
      // Rows left for later (no sender, transient failure) wait for the next sweep, not this one.
      if (outcomes.every((o) => o === "later")) return total;
    }
  }

  return { sweep };
}
