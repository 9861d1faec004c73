// The notice job kind as the app's runner registers it: the app's database, the SMTP server from
// SMTP_URL (one pooled transport per process, opened on first use) and the app secret for links.
import type { PrismaClient } from "@prisma/client";
import { appEnv } from "../env.server";
import type { JobKind } from "../jobs/job-kind";
import { smtpTransport, type MailTransport } from "./mail-transport.server";
import { noticeJobKind } from "./notice-job.server";

let transport: MailTransport | undefined;

export function appNoticeJobKind(db: PrismaClient): JobKind<unknown> {
  return noticeJobKind({
    db,
    transport: () => {
      const url = appEnv().SMTP_URL;
      if (!url) return null;
      transport ??= smtpTransport(url);
      return transport;
    },
    secret: appEnv().SHOPIFY_API_SECRET,
  });
}
