// Sends one notice through the merchant's own SMTP server (SMTP_URL). Shopify sends no custom
// email for apps, and a personal update must come from the shop's own sender with a reply-to a
// person reads. Errors are sorted the way SMTP sorts them: 4xx and lost connections may succeed
// later (retried), 5xx will not (recorded as failed with the server's words).
import nodemailer from "nodemailer";
import { z } from "zod";

export interface OutgoingNotice {
  from: { name: string; address: string };
  replyTo: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic, so a resend after a crash is recognisably the same message. */
  messageId: string;
}

export type SendResult =
  | { ok: true; response: string }
  | { ok: false; permanent: boolean; reason: string };

export interface MailTransport {
  send(message: OutgoingNotice): Promise<SendResult>;
}

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

export function smtpTransport(url: string): MailTransport & { close(): void } {
  const transporter = nodemailer.createTransport(url);
  return {
    async send(message) {
      try {
        const info = await transporter.sendMail({
          from: { name: message.from.name, address: message.from.address },
          replyTo: message.replyTo,
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          messageId: message.messageId,
        });
        return { ok: true, response: info.response };
      } catch (error) {
        return { ok: false, ...classifySmtpError(error) };
      }
    },
    close: () => transporter.close(),
  };
}
