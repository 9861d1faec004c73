// Shopify Flow's "send delay notice" action (extensions/flow-send-delay-notice/shopify.extension.toml): Flow POSTs
// a signed request here; app/flow/flow-action-route.server.ts verifies and answers it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { FLOW_ACTIONS } from "../flow/flow-action-request";
import { handleFlowAction } from "../flow/flow-action-route.server";
import { sendDelayNoticeFromFlow } from "../flow/flow-actions.server";

export const action = ({ request }: ActionFunctionArgs) =>
  handleFlowAction(request, FLOW_ACTIONS.sendDelayNotice, sendDelayNoticeFromFlow);
