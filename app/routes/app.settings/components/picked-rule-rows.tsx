// Lead-time rules by product, variant or collection: the merchant picks them with Shopify's
// resource picker (https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api)
// and sees their titles; the form still submits each resource's GID under `<group>.<i>.key`, as
// the action reads it.
//
// A product picker answers with the products, each carrying the variants the merchant ticked
// (`variants` on @shopify/app-bridge-types' Product; "When type is Product, the user may still
// select multiple variants of a single product, even if multiple is false", same page). For a
// product rule only the product counts; a variant rule uses the variant picker, whose records
// carry `displayName` ("Bifold wallet - Tan").
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  BlockStack,
  Button,
  InlineError,
  InlineGrid,
  InlineStack,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import type { SettingsFields } from "./settings-fields";

export type PickedRuleType = "product" | "variant" | "collection";

const GROUP = {
  product: "productOverrides",
  variant: "variantOverrides",
  collection: "collectionOverrides",
} as const;

const WORDS: Record<PickedRuleType, { one: string; many: string; gone: string }> = {
  product: { one: "product", many: "products", gone: "A product no longer in Shopify" },
  variant: { one: "variant", many: "variants", gone: "A variant no longer in Shopify" },
  collection: { one: "collection", many: "collections", gone: "A collection no longer in Shopify" },
};

interface Picked {
  id: string;
  title: string;
}

export function PickedRuleRows({
  form,
  type,
  heading,
  titles,
}: {
  form: SettingsFields;
  type: PickedRuleType;
  heading: string;
  titles: Record<string, string>;
}) {
  const shopify = useAppBridge();
  const group = GROUP[type];
  const words = WORDS[type];
  // Titles of resources picked since the page loaded, beside the loader's for saved ones.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const titleOf = (id: string) => picked[id] ?? titles[id];

  const open = async (multiple: boolean, current?: string): Promise<Picked[]> => {
    const selectionIds = current ? [{ id: current }] : [];
    switch (type) {
      case "product": {
        const selection = await shopify.resourcePicker({
          type,
          action: "select",
          multiple,
          selectionIds,
        });
        return (selection ?? []).map((p) => ({ id: p.id, title: p.title }));
      }
      case "variant": {
        const selection = await shopify.resourcePicker({
          type,
          action: "select",
          multiple,
          selectionIds,
        });
        return (selection ?? []).map((v) => ({ id: v.id, title: v.displayName }));
      }
      case "collection": {
        const selection = await shopify.resourcePicker({
          type,
          action: "select",
          multiple,
          selectionIds,
        });
        return (selection ?? []).map((c) => ({ id: c.id, title: c.title }));
      }
    }
  };
  const pick = async (multiple: boolean, current?: string) => {
    const selection = await open(multiple, current);
    setPicked((known) => ({
      ...known,
      ...Object.fromEntries(selection.map((r) => [r.id, r.title])),
    }));
    return selection.map((r) => r.id);
  };
  const change = async (index: number, current: string) => {
    const [id] = await pick(false, current);
    if (id) form.row(group, index, "key").onChange(id);
  };
  const add = async () => {
    const taken = new Set(form.values[group].map((row) => row.key));
    for (const id of await pick(true))
      if (!taken.has(id)) {
        taken.add(id);
        form.addRow(group, { key: id, leadTime: "" });
      }
  };

  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {heading}
      </Text>
      {form.values[group].map((row, i) => {
        const key = form.row(group, i, "key");
        const title = titleOf(row.key);
        return (
          <InlineGrid key={i} columns={["twoThirds", "oneThird"]} gap="200">
            <BlockStack gap="100">
              <input type="hidden" name={key.name} value={key.value} />
              <InlineStack gap="200" blockAlign="center">
                <Text as="span" fontWeight="semibold">
                  {title ?? (row.key ? words.gone : `No ${words.one} chosen`)}
                </Text>
                <Button
                  variant="plain"
                  onClick={() => void change(i, row.key)}
                  accessibilityLabel={`Change ${words.one} ${title ?? ""}`.trim()}
                >
                  Change
                </Button>
              </InlineStack>
              {key.error ? <InlineError message={key.error} fieldID={key.name} /> : null}
            </BlockStack>
            <TextField
              label={`Lead time for ${title ?? `this ${words.one}`} (business days)`}
              {...form.row(group, i, "leadTime")}
              inputMode="numeric"
              autoComplete="off"
              connectedRight={<Button onClick={() => form.removeRow(group, i)}>Remove</Button>}
            />
          </InlineGrid>
        );
      })}
      <InlineStack>
        <Button onClick={() => void add()}>{`Add ${words.many}`}</Button>
      </InlineStack>
    </BlockStack>
  );
}
