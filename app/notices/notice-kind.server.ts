// The notice job kind as the app's runner registers it: the app's database, the mail transport the
// composition root opened from SMTP_URL (null without it) and the app secret for links.
import type { PrismaClient } from "@prisma/client";
import type { JobKind } from "../jobs/job-kind";
import type { MailTransport } from "./mail-transport.server";
import { noticeJobKind } from "./notice-job.server";

export function appNoticeJobKind(options: {
  db: PrismaClient;
  mail: MailTransport | null;
  secret: string;
  sendClaimMs?: number;
}): JobKind<unknown> {
  return noticeJobKind({
    db: options.db,
    transport: () => options.mail,
    secret: options.secret,
    ...(options.sendClaimMs !== undefined ? { sendClaimMs: options.sendClaimMs } : {}),
  });
}
