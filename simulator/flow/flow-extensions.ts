// The app's Shopify Flow extensions, read from extensions/*/shopify.extension.toml as Shopify reads
// them on deploy: `[[extensions]]` with type flow_trigger or flow_action, a handle, and
// `[[settings.fields]]`. A commerce-object reference field (order_reference, customer_reference,
// product_reference …) is carried as `<object>_id` (Shopify CLI builds the field name as
// `${type without _reference}_id`: node_modules/@shopify/cli/dist/chunk-7LW23M5C.js, function JR
// in the flow extension specs); any other field is carried by its `key`.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";
import { z } from "zod";

const EXTENSIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../extensions",
);

const fieldSchema = z.object({
  type: z.string(),
  key: z.string().optional(),
  name: z.string().optional(),
  required: z.boolean().optional(),
});
const tomlSchema = z.object({
  extensions: z.array(
    z.object({
      type: z.string(),
      handle: z.string(),
      name: z.string(),
      runtime_url: z.string().optional(),
    }),
  ),
  settings: z.object({ fields: z.array(fieldSchema).optional() }).optional(),
});

export interface FlowField {
  /** The payload's property name: `order_id` for an order_reference, else the field's key. */
  name: string;
  type: string;
  reference: string | null;
  required: boolean;
}

export interface FlowExtension {
  kind: "flow_trigger" | "flow_action";
  handle: string;
  name: string;
  runtimeUrl: string | null;
  fields: FlowField[];
}

function fieldOf(field: z.infer<typeof fieldSchema>, kind: FlowExtension["kind"]): FlowField {
  if (field.type.endsWith("_reference")) {
    const object = field.type.replace(/_reference$/, "");
    // Trigger reference fields are always sent; an action's are as the merchant's field says.
    return {
      name: `${object}_id`,
      type: field.type,
      reference: object,
      required: kind === "flow_trigger" || field.required === true,
    };
  }
  return {
    name: field.key ?? "",
    type: field.type,
    reference: null,
    required: kind === "flow_trigger" || field.required === true,
  };
}

export function loadFlowExtensions(dir: string = EXTENSIONS_DIR): FlowExtension[] {
  const found: FlowExtension[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name, "shopify.extension.toml");
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const toml = tomlSchema.safeParse(parse(readFileSync(file, "utf8")));
    if (!toml.success) continue;
    for (const extension of toml.data.extensions) {
      const kind =
        extension.type === "flow_trigger" || extension.type === "flow_action"
          ? extension.type
          : null;
      if (!kind) continue;
      found.push({
        kind,
        handle: extension.handle,
        name: extension.name,
        runtimeUrl: extension.runtime_url ?? null,
        fields: (toml.data.settings?.fields ?? []).map((field) => fieldOf(field, kind)),
      });
    }
  }
  return found;
}
