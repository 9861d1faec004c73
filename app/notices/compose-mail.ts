// A notice as the exact bytes that go on the wire (RFC 5322 headers and body, CRLF line ends),
// composed once by nodemailer's MailComposer and stored on the Notice row. Every send of that
// notice, by any app process, then hands these bytes to SMTP as they are (nodemailer's `raw`
// option, https://nodemailer.com/message/custom-source/), so a resend is the same message with the
// same Message-ID, never a second, different one. No I/O: the Date header is the caller's clock.
import MailComposer from "nodemailer/lib/mail-composer";

export interface OutgoingNotice {
  from: { name: string; address: string };
  replyTo: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Deterministic per notice (shop, order, revision), so every copy is recognisably one message. */
  messageId: string;
  date: Date;
  /** More header fields, as given (the waitlist mail's List-Unsubscribe and List-Unsubscribe-Post). */
  headers?: Record<string, string>;
}

/** What a transport sends: the SMTP envelope and the composed message, untouched. */
export interface ComposedMail {
  envelope: { from: string; to: string };
  raw: string;
  messageId: string;
}

export async function composeMail(message: OutgoingNotice): Promise<ComposedMail> {
  const built = await new MailComposer({
    from: { name: message.from.name, address: message.from.address },
    replyTo: message.replyTo,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    date: message.date,
    ...(message.headers ? { headers: message.headers } : {}),
  })
    .compile()
    .build();
  return {
    envelope: { from: message.from.address, to: message.to },
    raw: built.toString("utf8"),
    messageId: message.messageId,
  };
}
