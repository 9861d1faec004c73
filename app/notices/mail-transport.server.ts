// Sends notices through the merchant's own SMTP server (SMTP_URL). Shopify sends no custom
// email for apps, and a personal update must come from the shop's own sender with a reply-to a
// person reads. Errors are sorted the way SMTP sorts them: 4xx and lost connections may succeed
// later (retried), 5xx will not (recorded as failed with the server's words).
//
// Pooled by default (https://nodemailer.com/smtp/pooled): a few persistent connections carry every
// notice, instead of a TCP (and TLS) handshake, greeting and EHLO per message; a job's items are
// sent several at once (the runner's concurrency per shop) and queue inside the pool for a free
// connection. The message itself is composed before it gets here (compose-mail.ts) and sent as
// is (`raw` with an explicit envelope, https://nodemailer.com/message/custom-source/).
import nodemailer from "nodemailer";
import { z } from "zod";
import type { ComposedMail } from "./compose-mail";

export type { ComposedMail, OutgoingNotice } from "./compose-mail";

export type SendResult =
  | { ok: true; response: string }
  | { ok: false; permanent: boolean; reason: string };

export interface MailTransport {
  send(message: ComposedMail): Promise<SendResult>;
}

/** Connections the pool keeps open to the SMTP server (nodemailer's default, 5). */
export const POOL_MAX_CONNECTIONS = 5;
/** Messages per connection before the pool opens a fresh one (nodemailer's default, 100). */
export const POOL_MAX_MESSAGES = 100;
/**
 * The longest a live send can take: connecting, the greeting and each SMTP step are each bounded
 * (nodemailer's own defaults are 2 min, 30 s and 10 min). The notice's send claim outlasts this
 * (notice-send-claim.ts), so no second performer sends while a first one still may.
 */
export const SMTP_TIMEOUTS = {
  connectionTimeout: 15_000,
  greetingTimeout: 15_000,
  socketTimeout: 30_000,
} as const;

const smtpErrorSchema = z.object({
  responseCode: z.number().optional(),
  response: z.string().optional(),
  message: z.string(),
});

export function classifySmtpError(error: unknown): { permanent: boolean; reason: string } {
  const parsed = smtpErrorSchema.safeParse(error);
  if (!parsed.success) return { permanent: false, reason: String(error) };
  const { responseCode, response, message } = parsed.data;
  const reason = response ?? message;
  return {
    permanent: responseCode !== undefined && responseCode >= 500,
    reason: responseCode ? `${responseCode} ${reason.replace(/^\d{3}\s*/, "")}` : reason,
  };
}

/**
 * `pool: false` opens one connection per message (the bench's peer, and what the app did before).
 */
export function smtpTransport(
  url: string,
  options: { pool?: boolean } = {},
): MailTransport & { close(): void } {
  const transporter =
    options.pool === false
      ? nodemailer.createTransport({ url, ...SMTP_TIMEOUTS })
      : nodemailer.createTransport({
          url,
          pool: true,
          maxConnections: POOL_MAX_CONNECTIONS,
          maxMessages: POOL_MAX_MESSAGES,
          ...SMTP_TIMEOUTS,
        });
  return {
    async send(message) {
      try {
        const info = await transporter.sendMail({
          envelope: { from: message.envelope.from, to: [message.envelope.to] },
          raw: message.raw,
        });
        return { ok: true, response: info.response };
      } catch (error) {
        return { ok: false, ...classifySmtpError(error) };
      }
    },
    close: () => transporter.close(),
  };
}
