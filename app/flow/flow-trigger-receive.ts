// The one flowTriggerReceive document: starts the merchant's workflows that begin with one of the
// app's trigger extensions (https://shopify.dev/docs/api/admin-graphql/latest/mutations/flowTriggerReceive).
// The schema marks no access scope on it; `payload` is the trigger's fields by key.
import { z } from "zod";

export const FLOW_TRIGGER_RECEIVE_MUTATION = `#graphql
  mutation FlowTriggerReceive($handle: String!, $payload: JSON!) {
    flowTriggerReceive(handle: $handle, payload: $payload) {
      userErrors {
        field
        message
      }
    }
  }
`;

export const flowTriggerReceiveData = z.object({
  flowTriggerReceive: z
    .object({
      userErrors: z.array(z.object({ field: z.array(z.string()).nullable(), message: z.string() })),
    })
    .nullable(),
});
