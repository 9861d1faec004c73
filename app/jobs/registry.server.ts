// The job kinds this server knows. Remedies register here; e-mail notices and the fulfillment
// kinds (deadline, hold, release) register beside them. Built once by the composition root
// (app/services.server.ts).
import type { PrismaClient } from "@prisma/client";
import { fulfillmentJobKinds } from "../fulfillment/fulfillment-jobs.server";
import { appNoticeJobKind } from "../notices/notice-kind.server";
import type { JobKind } from "./job-kind";
import type { MailTransport } from "../notices/mail-transport.server";
import { thankYouMailer } from "../remedies/thank-you-mail.server";
import { remedyRegistry } from "../remedies/remedy-kinds.server";
import type { JobKindRegistry } from "./job-kind";

export function createJobKinds(options: {
  db: PrismaClient;
  mail: MailTransport | null;
  secret: string;
  sendClaimMs?: number;
  editClaimMs?: number;
}): { registry: JobKindRegistry; notice: JobKind<unknown> } {
  const notice = appNoticeJobKind(options);
  const fulfillment = fulfillmentJobKinds(options.db);
  return {
    // The app mails the thank-you code to the customer (the harness's registry does not).
    registry: remedyRegistry({
      ...(options.editClaimMs !== undefined ? { editClaimMs: options.editClaimMs } : {}),
      mailer: thankYouMailer(options.db, options.mail),
    })
      .register(notice)
      .register(fulfillment.deadline)
      .register(fulfillment.hold)
      .register(fulfillment.release),
    notice,
  };
}
