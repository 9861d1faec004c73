// The one way a Flow action route answers (app/routes/flow.*.tsx): Shopify's signature checked
// by the library's authenticate.flow (HMAC of the raw body with the app secret; 405 for anything
// but POST, 400 for a bad signature or a shop without an offline session, before any work), the
// body parsed, the action run once per action_run_id, and a status Flow understands
// (https://shopify.dev/docs/apps/build/flow/actions/endpoints): 200 done; 4xx (not 429) a
// failure Flow does not resend; 5xx "try again later", which Flow resends with backoff.
import { TransientAdminError } from "../admin-api/admin-errors";
import db from "../db.server";
import { appServices } from "../services.server";
import { authenticate } from "../shopify.server";
import {
  flowActionRequestSchema,
  type FlowActionHandle,
  type FlowActionOutcome,
} from "./flow-action-request";
import { runFlowActionOnce, type FlowActionContext } from "./flow-actions.server";

const json = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });

export async function handleFlowAction(
  request: Request,
  handle: FlowActionHandle,
  perform: (context: FlowActionContext) => Promise<FlowActionOutcome>,
): Promise<Response> {
  const { session, payload, admin } = await authenticate.flow(request);
  const parsed = flowActionRequestSchema.safeParse(payload);
  if (!parsed.success)
    return json(400, { error: "The request is not a Flow action payload this app understands." });
  if (parsed.data.handle !== handle)
    return json(400, { error: `This endpoint runs "${handle}", not "${parsed.data.handle}".` });
  try {
    const answer = await runFlowActionOnce(
      {
        db,
        admin,
        shop: session.shop,
        request: parsed.data,
        noticeKind: appServices().noticeKind,
        now: new Date(),
      },
      perform,
    );
    if (answer.kind === "busy")
      return json(503, { error: "This run is already being handled; try again shortly." });
    const { outcome } = answer;
    return outcome.status === "done"
      ? json(200, { summary: outcome.summary })
      : json(400, { error: outcome.reason });
  } catch (error) {
    if (error instanceof TransientAdminError)
      return json(503, { error: "Shopify could not be reached; Flow will try again." });
    throw error;
  }
}
