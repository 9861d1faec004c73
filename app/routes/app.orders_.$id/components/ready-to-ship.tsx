// The order page's "Ready to ship" section (issue 14 point 2): staff tick the lines that are ready,
// review what ships now and what waits, then confirm. "Ready" is the merchant's word, said on the
// page: Delay Desk cannot see the shelf.
import { Form, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineStack,
  List,
  Text,
  TextField,
} from "@shopify/polaris";
import type { OrderLineToShip, ShippedLine } from "../../../fulfillment/ready-lines";
import { describeLines } from "../../../fulfillment/ready-lines";
import { submittingIntent } from "../../../forms/submitting-intent";
import { useFormFields, type FieldErrors } from "../../../forms/use-form-fields";

export interface ShipFormValues {
  lines: { lineItemId: string; ready: string; quantity: string; seen: string }[];
  trackingNumber: string;
  trackingCompany: string;
  notifyCustomer: boolean;
}

export type ShipOutcome =
  | { stage: "review"; shipped: ShippedLine[]; stillComing: ShippedLine[]; values: ShipFormValues }
  | { stage: "shipped"; shipped: ShippedLine[]; stillComing: ShippedLine[] }
  | { stage: "refused"; message: string; values: ShipFormValues; errors: FieldErrors };

export function initialShipValues(lines: readonly OrderLineToShip[]): ShipFormValues {
  return {
    lines: lines.map((line) => ({
      lineItemId: line.lineItemId,
      ready: "",
      quantity: String(line.shippableNow),
      seen: String(line.remaining),
    })),
    trackingNumber: "",
    trackingCompany: "",
    notifyCustomer: false,
  };
}

function HiddenValues({ values }: { values: ShipFormValues }) {
  return (
    <>
      {values.lines.map((line, i) => (
        <span key={line.lineItemId}>
          <input type="hidden" name={`lines.${i}.lineItemId`} value={line.lineItemId} />
          <input type="hidden" name={`lines.${i}.ready`} value={line.ready} />
          <input type="hidden" name={`lines.${i}.quantity`} value={line.quantity} />
          <input type="hidden" name={`lines.${i}.seen`} value={line.seen} />
        </span>
      ))}
      <input type="hidden" name="trackingNumber" value={values.trackingNumber} />
      <input type="hidden" name="trackingCompany" value={values.trackingCompany} />
      {values.notifyCustomer ? <input type="hidden" name="notifyCustomer" value="on" /> : null}
    </>
  );
}

export function ReadyToShip({
  lines,
  late,
  outcome,
  writeUrl,
}: {
  lines: readonly OrderLineToShip[];
  late: boolean;
  outcome: ShipOutcome | null;
  writeUrl: string;
}) {
  const navigation = useNavigation();
  const start = outcome && outcome.stage !== "shipped" ? outcome.values : initialShipValues(lines);
  const form = useFormFields<ShipFormValues>(
    start,
    outcome?.stage === "refused" ? outcome.errors : {},
  );
  const left = lines.filter((line) => line.remaining > 0);
  if (outcome?.stage === "shipped")
    return (
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            Ready to ship
          </Text>
          <Banner tone="success" title="Shipped in Shopify">
            <BlockStack gap="100">
              <p data-testid="shipped-now">Shipped now: {describeLines(outcome.shipped)}</p>
              <p data-testid="still-coming">
                Still coming:{" "}
                {describeLines(outcome.stillComing) || "nothing, the order is complete"}
              </p>
            </BlockStack>
          </Banner>
          <Text as="p">
            The customer&apos;s next notice says what has shipped and what is still coming.{" "}
            <Button url={writeUrl} variant="plain">
              Tell the customer now
            </Button>
          </Text>
        </BlockStack>
      </Card>
    );
  if (left.length === 0) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Ready to ship
        </Text>
        <Text as="p" tone="subdued">
          {late
            ? "This order is late. If some of its items are made and packed, ship them now and let the rest follow."
            : "Ship part of this order now and let the rest follow."}{" "}
          Tick the lines that are ready on your shelf: Delay Desk cannot see which are made, so
          &quot;ready&quot; is your call. The other lines keep waiting for the forecast date.
        </Text>
        {outcome?.stage === "refused" ? (
          <Banner tone="critical" title="Nothing was shipped">
            <p>{outcome.message}</p>
          </Banner>
        ) : null}
        <Form method="post">
          <input type="hidden" name="intent" value="review" />
          <BlockStack gap="300">
            <ul aria-label="Order lines" style={{ listStyle: "none", margin: 0, padding: 0 }}>
              {lines.map((line, i) => {
                const ready = form.row("lines", i, "ready");
                const quantity = form.row("lines", i, "quantity");
                const idField = form.row("lines", i, "lineItemId");
                const seen = form.row("lines", i, "seen");
                const canShip = line.shippableNow > 0;
                return (
                  <li key={line.lineItemId} style={{ padding: "6px 0" }}>
                    <input type="hidden" name={idField.name} value={idField.value} />
                    <input type="hidden" name={seen.name} value={seen.value} />
                    <InlineStack gap="300" blockAlign="center" wrap={false}>
                      <Checkbox
                        label={`Ready: ${line.name}`}
                        name={ready.name}
                        value="on"
                        checked={ready.value === "on"}
                        disabled={!canShip}
                        onChange={(checked) => ready.onChange(checked ? "on" : "")}
                      />
                      <Text as="span" tone="subdued">
                        {line.remaining === 0
                          ? "shipped"
                          : `${line.remaining} of ${line.ordered} left to ship${
                              line.blocked ? ` (${line.blocked})` : ""
                            }`}
                      </Text>
                      {canShip && ready.value === "on" ? (
                        <div style={{ width: 110 }}>
                          <TextField
                            label={`Units of ${line.name} to ship`}
                            labelHidden
                            type="number"
                            min={1}
                            max={line.shippableNow}
                            autoComplete="off"
                            {...quantity}
                          />
                        </div>
                      ) : null}
                    </InlineStack>
                  </li>
                );
              })}
            </ul>
            {form.errors.form ? (
              <Text as="p" tone="critical">
                {form.errors.form}
              </Text>
            ) : null}
            <InlineStack gap="300">
              <TextField
                label="Tracking number (optional)"
                autoComplete="off"
                {...form.field("trackingNumber")}
              />
              <TextField
                label="Carrier (optional)"
                autoComplete="off"
                helpText="UPS, DHL Express, Royal Mail …: Shopify links the number for known carriers."
                {...form.field("trackingCompany")}
              />
            </InlineStack>
            <Checkbox
              label="Also send Shopify's own shipping confirmation"
              helpText="Off by default: Delay Desk's next notice tells the customer what shipped and what is still coming."
              {...form.checkbox("notifyCustomer")}
            />
            <InlineStack>
              <Button submit loading={submittingIntent(navigation, "review")}>
                Review shipment
              </Button>
            </InlineStack>
          </BlockStack>
        </Form>
        {outcome?.stage === "review" ? (
          <Card background="bg-surface-secondary">
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                Ship these now?
              </Text>
              <Text as="p">Ships now, marked fulfilled in Shopify:</Text>
              <List>
                {outcome.shipped.map((line) => (
                  <List.Item key={line.name}>
                    {line.quantity} × {line.name}
                  </List.Item>
                ))}
              </List>
              <Text as="p">
                {outcome.stillComing.length > 0
                  ? "Keeps waiting:"
                  : "Nothing keeps waiting: this ships the whole order."}
              </Text>
              {outcome.stillComing.length > 0 ? (
                <List>
                  {outcome.stillComing.map((line) => (
                    <List.Item key={line.name}>
                      {line.quantity} × {line.name}
                    </List.Item>
                  ))}
                </List>
              ) : null}
              {outcome.values.trackingNumber ? (
                <Text as="p">
                  Tracking: {outcome.values.trackingNumber}
                  {outcome.values.trackingCompany ? ` (${outcome.values.trackingCompany})` : ""}
                </Text>
              ) : (
                <Text as="p" tone="subdued">
                  No tracking number: Shopify marks the items fulfilled without one.
                </Text>
              )}
              <Form method="post">
                <input type="hidden" name="intent" value="ship" />
                <HiddenValues values={outcome.values} />
                <Button submit variant="primary" loading={submittingIntent(navigation, "ship")}>
                  Ship ready items now
                </Button>
              </Form>
            </BlockStack>
          </Card>
        ) : null}
      </BlockStack>
    </Card>
  );
}
