// The job kinds this server knows. Remedies register here; e-mail notices register beside them.
import { remedyRegistry } from "../remedies/remedy-kinds.server";

export const jobKinds = remedyRegistry();
