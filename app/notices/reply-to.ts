// The reply-to of a delay notice must reach a person: the whole point of the notice is that a
// worried customer can answer it (domain guide, rule 8). Addresses that announce nobody reads
// them are refused with a message the merchant can act on.
import { z } from "zod";

// Local parts that, by convention, nobody reads. Matched after removing dots, dashes and
// underscores so "no.reply", "do_not_reply" and "No-Reply" are all caught.
const UNREAD_LOCAL_PARTS = [
  "noreply",
  "donotreply",
  "dontreply",
  "noresponse",
  "mailerdaemon",
  "bounce",
  "bounces",
  "postmaster",
  "notifications",
  "notification",
  "autoreply",
];

export function unattendedReason(address: string): string | null {
  const local =
    address
      .split("@")[0]
      ?.toLowerCase()
      .replace(/[._+-]/g, "") ?? "";
  const hit = UNREAD_LOCAL_PARTS.find((word) => local === word || local.startsWith(word));
  return hit
    ? `"${address}" looks like an address nobody reads. Use an inbox a person answers, e.g. dawn@yourshop.com.`
    : null;
}

export const replyToSchema = z
  .string()
  .trim()
  .min(1, "Enter the address customers' replies should reach.")
  .email("Enter a full email address, e.g. dawn@yourshop.com.")
  .superRefine((address, ctx) => {
    const reason = unattendedReason(address);
    if (reason) ctx.addIssue({ code: z.ZodIssueCode.custom, message: reason });
  });
