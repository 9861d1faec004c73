// The job kinds this server knows. Remedies register here; e-mail notices register beside them.
import db from "../db.server";
import { fulfillmentJobKinds } from "../fulfillment/fulfillment-jobs.server";
import { appNoticeJobKind } from "../notices/notice-kind.server";
import { remedyRegistry } from "../remedies/remedy-kinds.server";

const fulfillment = fulfillmentJobKinds(db);

export const jobKinds = remedyRegistry()
  .register(appNoticeJobKind(db))
  .register(fulfillment.deadline)
  .register(fulfillment.hold)
  .register(fulfillment.release);
