// The job kinds this server knows. Remedies register here; e-mail notices register beside them.
import db from "../db.server";
import { appNoticeJobKind } from "../notices/notice-kind.server";
import { remedyRegistry } from "../remedies/remedy-kinds.server";

export const jobKinds = remedyRegistry().register(appNoticeJobKind(db));
