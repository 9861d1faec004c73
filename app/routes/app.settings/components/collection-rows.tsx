// Lead time by collection: the merchant picks collections with Shopify's resource picker
// (https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api)
// and sees their titles; the form still submits each collection's GID under
// `collectionOverrides.<i>.key`, as the action reads it.
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

const GROUP = "collectionOverrides";

export function CollectionRows({
  form,
  titles,
}: {
  form: SettingsFields;
  titles: Record<string, string>;
}) {
  const shopify = useAppBridge();
  // Titles of collections picked since the page loaded, beside the loader's for saved ones.
  const [picked, setPicked] = useState<Record<string, string>>({});
  const titleOf = (id: string) => picked[id] ?? titles[id];

  const pick = async (options: { multiple: boolean; current?: string }) => {
    const selection = await shopify.resourcePicker({
      type: "collection",
      action: "select",
      multiple: options.multiple,
      selectionIds: options.current ? [{ id: options.current }] : [],
    });
    if (!selection || selection.length === 0) return [];
    setPicked((known) => ({
      ...known,
      ...Object.fromEntries(selection.map((c) => [c.id, c.title])),
    }));
    return selection.map((c) => c.id);
  };
  const change = async (index: number, current: string) => {
    const [id] = await pick({ multiple: false, current });
    if (id) form.row(GROUP, index, "key").onChange(id);
  };
  const add = async () => {
    const taken = new Set(form.values.collectionOverrides.map((row) => row.key));
    for (const id of await pick({ multiple: true }))
      if (!taken.has(id)) form.addRow(GROUP, { key: id, leadTime: "" });
  };

  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        Lead time by collection
      </Text>
      {form.values.collectionOverrides.map((row, i) => {
        const key = form.row(GROUP, i, "key");
        const title = titleOf(row.key);
        return (
          <InlineGrid key={i} columns={["twoThirds", "oneThird"]} gap="200">
            <BlockStack gap="100">
              <input type="hidden" name={key.name} value={key.value} />
              <InlineStack gap="200" blockAlign="center">
                <Text as="span" fontWeight="semibold">
                  {title ??
                    (row.key ? "A collection no longer in Shopify" : "No collection chosen")}
                </Text>
                <Button
                  variant="plain"
                  onClick={() => void change(i, row.key)}
                  accessibilityLabel={`Change collection ${title ?? ""}`.trim()}
                >
                  Change
                </Button>
              </InlineStack>
              {key.error ? <InlineError message={key.error} fieldID={key.name} /> : null}
            </BlockStack>
            <TextField
              label={`Lead time for ${title ?? "this collection"} (business days)`}
              {...form.row(GROUP, i, "leadTime")}
              inputMode="numeric"
              autoComplete="off"
              connectedRight={<Button onClick={() => form.removeRow(GROUP, i)}>Remove</Button>}
            />
          </InlineGrid>
        );
      })}
      <InlineStack>
        <Button onClick={() => void add()}>Add collections</Button>
      </InlineStack>
    </BlockStack>
  );
}
