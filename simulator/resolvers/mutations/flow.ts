// flowTriggerReceive: starts the workflows that begin with one of the app's Flow triggers
// (https://shopify.dev/docs/api/admin-graphql/latest/mutations/flowTriggerReceive). The simulator
// knows the app's triggers from extensions/*/shopify.extension.toml (as deploy registers them) and
// checks the request as Shopify documents it (https://shopify.dev/docs/apps/build/flow/triggers/reference,
// https://shopify.dev/docs/apps/flow/triggers): `handle` names a trigger of this app; `payload`
// carries each field, a reference field as `<object>_id` with the object's numeric id ("such as
// legacyResourceId"), a custom field by its key with a value of its type; the payload is under
// 1 MB. A refused request is answered with userErrors and reaches no workflow. The userErrors'
// wording and field paths are the simulator's guess (listed in simulator/README.md).
import { z } from "zod";
import type { SimulatorContext } from "../define";
import { loadFlowExtensions, type FlowField } from "../../flow/flow-extensions";
import { receivedFlowTriggers } from "../../flow/flow-records";

export const FLOW_TRIGGER_PAYLOAD_LIMIT_BYTES = 1_000_000;

const args = z.object({
  handle: z.string().nullish(),
  payload: z.unknown().optional(),
  body: z.string().nullish(),
});

interface UserError {
  field: string[] | null;
  message: string;
}

const triggers = new Map(
  loadFlowExtensions()
    .filter((extension) => extension.kind === "flow_trigger")
    .map((extension) => [extension.handle, extension]),
);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function valueError(field: FlowField, value: unknown, context: SimulatorContext): string | null {
  if (field.reference) {
    const id =
      typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(id) || id <= 0 || (typeof value === "string" && !/^\d+$/.test(value)))
      return `${field.name} must be the ${field.reference}'s numeric id`;
    if (field.reference === "order" && !context.store.order(id))
      return `${field.name} ${id} is not an order of this shop`;
    return null;
  }
  switch (field.type) {
    case "boolean":
      return typeof value === "boolean" ? null : `${field.name} must be a boolean`;
    case "number_decimal":
      return typeof value === "number" && Number.isFinite(value)
        ? null
        : `${field.name} must be a number`;
    case "email":
      return typeof value === "string" && /^[^@\s]+@[^@\s]+$/.test(value)
        ? null
        : `${field.name} must be an email address`;
    case "url":
      return typeof value === "string" && URL.canParse(value)
        ? null
        : `${field.name} must be a URL`;
    default:
      return typeof value === "string" ? null : `${field.name} must be a string`;
  }
}

export function flowTriggerReceive(rawArgs: Record<string, unknown>, context: SimulatorContext) {
  const input = args.parse(rawArgs);
  const errors: UserError[] = [];
  if (input.body !== undefined && input.body !== null && !input.handle)
    return {
      userErrors: [
        { field: ["body"], message: "body is deprecated: send handle and payload instead" },
      ],
    };
  const trigger = input.handle ? triggers.get(input.handle) : undefined;
  if (!trigger)
    return {
      userErrors: [
        { field: ["handle"], message: `No Flow trigger with handle "${input.handle ?? ""}"` },
      ],
    };
  if (!isRecord(input.payload))
    return { userErrors: [{ field: ["payload"], message: "payload must be a JSON object" }] };
  const payload = input.payload;
  if (Buffer.byteLength(JSON.stringify(payload), "utf8") >= FLOW_TRIGGER_PAYLOAD_LIMIT_BYTES)
    return {
      userErrors: [
        {
          field: ["payload"],
          message: `payload must be less than ${FLOW_TRIGGER_PAYLOAD_LIMIT_BYTES} bytes`,
        },
      ],
    };
  const known = new Set(trigger.fields.map((field) => field.name));
  for (const field of trigger.fields) {
    if (!(field.name in payload) || payload[field.name] === null) {
      if (field.required)
        errors.push({ field: ["payload", field.name], message: `${field.name} is missing` });
      continue;
    }
    const error = valueError(field, payload[field.name], context);
    if (error) errors.push({ field: ["payload", field.name], message: error });
  }
  for (const name of Object.keys(payload))
    if (!known.has(name))
      errors.push({
        field: ["payload", name],
        message: `${name} is not a field of the trigger "${trigger.handle}"`,
      });
  if (errors.length > 0) return { userErrors: errors };
  receivedFlowTriggers(context.store).push({
    handle: trigger.handle,
    payload,
    receivedAt: Date.now(),
  });
  return { userErrors: [] };
}

export const flowMutations = {
  flowTriggerReceive: (
    _root: unknown,
    rawArgs: Record<string, unknown>,
    context: SimulatorContext,
  ) => flowTriggerReceive(rawArgs, context),
};
