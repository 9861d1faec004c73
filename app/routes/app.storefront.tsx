// Storefront page: the shop's current mode, the three ways to set it, and who changed it when.
// Also the target of the dashboard's one-button "pause sales" (intent=paused, source=dashboard).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { useState } from "react";
import {
  Badge,
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  DataTable,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useFormFields } from "../forms/use-form-fields";
import { AdminApiError } from "../admin-api/admin-errors";
import prisma from "../db.server";
import { formatShopTime } from "../locale/shop-time";
import { authenticate } from "../shopify.server";
import { parseModeForm, type FieldErrors } from "../storefront/mode-form";
import { isHeldItemsForm, parseHeldItemsForm, type HeldItem } from "../storefront/held-items";
import { changeHeldItems, HeldItemsError } from "../storefront/held-items.server";
import { staffName } from "../storefront/staff-name.server";
import { loadStorefrontSetup, StorefrontWriteError } from "../storefront/storefront-admin.server";
import {
  describeNoticeEstimate,
  instantToLocalInput,
  isPauseDue,
  promisesLessThanForecast,
  type StorefrontMode,
} from "../storefront/storefront-mode";
import type { NoticeEstimate } from "../../contracts/notice-metafield";
import { waitlistCounts } from "../waitlist/waitlist.server";
import { parseWaitlistForm, WAITLIST_INTENT } from "../waitlist/waitlist-form";
import {
  changeStorefrontMode,
  LeadTimeBelowForecastError,
  loadModeLog,
  loadStorefrontSettings,
  setWaitlistOffered,
  suggestedEstimate,
} from "../storefront/storefront-mode.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const now = new Date();
  // A due pause is ended by the composition root's pause sweep (app/services.server.ts), not here:
  // loaders never write. Until the sweep runs (within a minute) the page says the pause is over.
  const [settings, setup, log, waitlist] = await Promise.all([
    loadStorefrontSettings(prisma, session.shop),
    loadStorefrontSetup(admin),
    loadModeLog(prisma, session.shop),
    waitlistCounts(prisma, session.shop),
  ]);
  const suggestion = await suggestedEstimate(prisma, session.shop, setup.timeZone, now);
  return {
    timeZone: setup.timeZone,
    mode: settings.mode,
    estimate: settings.estimate,
    pausedUntil: settings.pausedUntil?.toISOString() ?? null,
    pausedUntilLocal: settings.pausedUntil
      ? instantToLocalInput(settings.pausedUntil, setup.timeZone)
      : null,
    pauseEnded: isPauseDue(settings, now),
    message: settings.message,
    heldItems: settings.heldItems,
    checkoutHold: setup.checkoutPause?.enabled ?? false,
    suggestion,
    // Counts only: the addresses never reach the browser.
    waitlist,
    waitlistOffered: settings.waitlist,
    log: log.map((entry) => ({
      id: entry.id,
      at: entry.createdAt.toISOString(),
      from: entry.fromMode,
      to: entry.toMode,
      pausedUntil: entry.pausedUntil?.toISOString() ?? null,
      actor: entry.actorName ?? (entry.actorId ? `Staff member ${entry.actorId}` : "unknown"),
      reason: entry.reason,
    })),
  };
};

type ActionFailure = {
  ok: false;
  errors: FieldErrors;
  values: Record<string, string>;
  formError?: string;
  /** Set when the lead time asked for is shorter than the forecast's: offer the override. */
  belowForecast?: { forecast: NoticeEstimate };
};

// Bad input answers 400 with what was typed, so the form comes back as the merchant left it.
const refused = (failure: ActionFailure) => json(failure, { status: 400 });

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const now = new Date();
  const setup = await loadStorefrontSetup(admin);
  const form = await request.formData();
  const userId = sessionToken.sub ?? null;
  const actor = {
    id: userId,
    name: userId ? await staffName(request, session.shop, userId) : null,
  };
  const services = { admin, db: prisma, shop: session.shop, actor, now };
  if (form.get("intent") === WAITLIST_INTENT) {
    const offered = parseWaitlistForm(form);
    if (offered === null)
      return refused({ ok: false, errors: {}, values: {}, formError: "Choose on or off." });
    try {
      await setWaitlistOffered({ ...services, offered });
    } catch (error) {
      if (error instanceof StorefrontWriteError || error instanceof AdminApiError)
        return json({ ok: false as const, errors: {}, values: {}, formError: error.message });
      throw error;
    }
    return json({ ok: true as const, waitlistOffered: offered });
  }
  // Two kinds of form on this page: the shop's mode, and one product or collection on its own.
  let change: () => Promise<{ mode: StorefrontMode }>;
  if (isHeldItemsForm(form)) {
    const held = parseHeldItemsForm(form);
    if (!held.ok) return refused({ ok: false, errors: {}, values: {}, formError: held.error });
    change = () => changeHeldItems({ ...services, request: held.request });
  } else {
    const parsed = parseModeForm(form, setup.timeZone, now);
    if (!parsed.ok) return refused(parsed);
    change = () => changeStorefrontMode({ ...services, request: parsed.request });
  }
  try {
    const settings = await change();
    return json({ ok: true as const, mode: settings.mode });
  } catch (error) {
    if (error instanceof HeldItemsError)
      return refused({ ok: false, errors: {}, values: {}, formError: error.message });
    if (error instanceof LeadTimeBelowForecastError) {
      const values: Record<string, string> = {};
      for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
      return refused({
        ok: false,
        errors: { estimateMax: error.message },
        values,
        belowForecast: { forecast: error.forecast },
      });
    }
    if (error instanceof StorefrontWriteError || error instanceof AdminApiError)
      return json({ ok: false as const, errors: {}, values: {}, formError: error.message });
    throw error;
  }
};

const MODE_LABEL: Record<StorefrontMode, string> = {
  normal: "Selling normally",
  delayed: "Longer lead time shown",
  paused: "New orders paused",
};
const MODE_TONE = { normal: "success", delayed: "warning", paused: "critical" } as const;

// The one convention (app/locale/shop-time.ts): the shop's clock, the zone named.
const formatInstant = (iso: string, timeZone: string): string => formatShopTime(iso, timeZone);

export default function StorefrontPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors: FieldErrors = result && !result.ok ? result.errors : {};
  const typed: Record<string, string> = result && !result.ok ? result.values : {};
  const belowForecast =
    result && !result.ok && "belowForecast" in result ? result.belowForecast : undefined;
  const prefill = data.estimate ?? data.suggestion?.estimate ?? null;
  // What the page showed before, unless the action sent back what was typed into this form.
  const shownMessage = (intent: "delayed" | "paused") =>
    typed.intent === intent
      ? (typed.message ?? "")
      : data.mode === intent
        ? (data.message ?? "")
        : "";
  const delay = useFormFields(
    {
      estimateMin: typed.estimateMin ?? (prefill ? String(prefill.min) : ""),
      estimateMax: typed.estimateMax ?? (prefill ? String(prefill.max) : ""),
      estimateUnit: typed.estimateUnit ?? prefill?.unit ?? "weeks",
      message: shownMessage("delayed"),
      override: typed.override === "on",
      overrideReason: typed.overrideReason ?? "",
    },
    typed.intent === "delayed" ? errors : {},
  );
  const pause = useFormFields(
    { until: typed.until ?? data.pausedUntilLocal ?? "", message: shownMessage("paused") },
    typed.intent === "paused" ? errors : {},
  );

  const rows = data.log.map((entry) => [
    formatInstant(entry.at, data.timeZone),
    entry.actor,
    `${entry.from} → ${entry.to}`,
    entry.pausedUntil ? formatInstant(entry.pausedUntil, data.timeZone) : "",
    entry.reason ?? "",
  ]);

  return (
    <Page title="Storefront" subtitle="What shoppers see, and whether new orders can be placed">
      <Layout>
        {result && !result.ok && result.formError ? (
          <Layout.Section>
            <Banner tone="critical" title="Shopify did not accept the change">
              <p>{result.formError}</p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack gap="200" blockAlign="center">
                <Text as="h2" variant="headingMd">
                  Current mode
                </Text>
                <Badge tone={MODE_TONE[data.mode]}>{MODE_LABEL[data.mode]}</Badge>
              </InlineStack>
              {data.mode === "delayed" && data.estimate ? (
                <Text as="p">
                  Shoppers see: orders placed today ship in {data.estimate.min}–{data.estimate.max}{" "}
                  {data.estimate.unit}.
                </Text>
              ) : null}
              {data.mode === "paused" ? (
                <Text as="p">
                  {data.pauseEnded && data.pausedUntil
                    ? `The pause ended at ${formatInstant(data.pausedUntil, data.timeZone)} (${data.timeZone}); checkout already takes orders and the storefront reopens within a minute.`
                    : data.pausedUntil
                      ? `Paused until ${formatInstant(data.pausedUntil, data.timeZone)} (${data.timeZone}); it ends by itself.`
                      : "Paused until you resume."}
                </Text>
              ) : null}
              <Text as="p" tone="subdued">
                Checkout hold:{" "}
                {data.checkoutHold
                  ? "on — cart, checkout, express wallets and cart links refuse new orders"
                  : "off"}
              </Text>
              {data.mode === "paused" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="resume" />
                  <Button submit variant="primary" loading={busy}>
                    Resume sales
                  </Button>
                </Form>
              ) : null}
            </BlockStack>
          </Card>
        </Layout.Section>
        {data.mode === "delayed" &&
        data.estimate &&
        data.suggestion &&
        promisesLessThanForecast(data.estimate, data.suggestion.estimate) ? (
          <Layout.Section>
            <Banner tone="warning" title="Shoppers are told less than the forecast">
              <p>
                The banner says {describeNoticeEstimate(data.estimate)}; the forecast says an order
                placed today ships in {describeNoticeEstimate(data.suggestion.estimate)}.
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        {data.suggestion?.cannotKeepPromise && data.mode === "normal" ? (
          <Layout.Section>
            <Banner tone="warning" title="New orders cannot ship within your current promise">
              <p>
                The forecast says an order placed today ships in {data.suggestion.estimate.min}–
                {data.suggestion.estimate.max} {data.suggestion.estimate.unit}. Pause sales, or show
                that lead time.
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.Section variant="oneHalf">
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="delayed" />
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Show a longer lead time
                </Text>
                {data.suggestion ? (
                  <Text as="p" tone="subdued">
                    Prefilled from the forecast&apos;s conservative range for a new order.
                  </Text>
                ) : null}
                <InlineStack gap="200" wrap={false}>
                  <TextField
                    label="Shortest wait"
                    type="number"
                    autoComplete="off"
                    {...delay.field("estimateMin")}
                  />
                  <TextField
                    label="Longest wait"
                    type="number"
                    autoComplete="off"
                    {...delay.field("estimateMax")}
                  />
                  <Select
                    label="Unit"
                    options={[
                      { label: "days", value: "days" },
                      { label: "weeks", value: "weeks" },
                    ]}
                    {...delay.field("estimateUnit")}
                  />
                </InlineStack>
                <TextField
                  label="Message (optional)"
                  autoComplete="off"
                  {...delay.field("message")}
                  maxLength={280}
                />
                {belowForecast || errors.overrideReason ? (
                  <BlockStack gap="200">
                    <Checkbox
                      label={`Show it anyway, although the forecast says ${belowForecast ? describeNoticeEstimate(belowForecast.forecast) : "more"}`}
                      {...delay.checkbox("override")}
                    />
                    <TextField
                      label="Why (logged with your name)"
                      autoComplete="off"
                      {...delay.field("overrideReason")}
                      maxLength={280}
                    />
                  </BlockStack>
                ) : null}
                <Button submit loading={busy}>
                  Show this lead time
                </Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section variant="oneHalf">
          <Card>
            <Form method="post">
              <input type="hidden" name="intent" value="paused" />
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  Pause new orders
                </Text>
                <TextField
                  label={`Until (optional, ${data.timeZone})`}
                  type="datetime-local"
                  autoComplete="off"
                  {...pause.field("until")}
                  helpText="Leave empty to pause until you resume."
                />
                <TextField
                  label="Message (optional)"
                  autoComplete="off"
                  {...pause.field("message")}
                  maxLength={280}
                />
                <Button submit tone="critical" loading={busy}>
                  Pause sales
                </Button>
              </BlockStack>
            </Form>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <HeldItemsCard items={data.heldItems} busy={busy} />
        </Layout.Section>
        {data.mode !== "normal" ? (
          <Layout.Section>
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="normal" />
                <InlineStack gap="200" blockAlign="center">
                  <Text as="p">Back to your usual promise, no banner:</Text>
                  <Button submit loading={busy}>
                    Sell normally
                  </Button>
                </InlineStack>
              </Form>
            </Card>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Waitlist
              </Text>
              <Text as="p">{waitlistSummary(data.waitlist)}</Text>
              <Text as="p" tone="subdued">
                While sales are paused, the storefront banner offers shoppers &ldquo;Tell me when
                you reopen&rdquo;. When you resume, each of them gets one email (from your
                notices&apos; reply-to address), with a one-click unsubscribe.
              </Text>
              <WaitlistSwitch
                key={String(data.waitlistOffered)}
                offered={data.waitlistOffered}
                saved={
                  result && result.ok && "waitlistOffered" in result ? result.waitlistOffered : null
                }
                busy={busy}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Changes
              </Text>
              {rows.length > 0 ? (
                <DataTable
                  columnContentTypes={["text", "text", "text", "text", "text"]}
                  headings={["When", "Who", "Mode", "Until", "Note"]}
                  rows={rows}
                />
              ) : (
                <Text as="p" tone="subdued">
                  No changes yet.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

const HELD_KIND_LABEL: Record<HeldItem["kind"], string> = {
  product: "Product",
  variant: "Variant",
  collection: "Collection",
};

/**
 * Pausing one product, variant or collection (picked with Shopify's resource picker,
 * https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api)
 * while the shop sells; each paused one has its own "Resume".
 */
function HeldItemsCard({ items, busy }: { items: readonly HeldItem[]; busy: boolean }) {
  const shopify = useAppBridge();
  const submit = useSubmit();
  const hold = (ids: readonly string[]) => {
    if (ids.length === 0) return;
    const form = new FormData();
    form.set("intent", "hold");
    for (const id of ids) form.append("id", id);
    submit(form, { method: "post" });
  };
  const pick = async (type: HeldItem["kind"]) => {
    const selection = await shopify.resourcePicker({ type, action: "select", multiple: true });
    hold((selection ?? []).map((picked) => picked.id));
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Pause one product or collection
        </Text>
        <Text as="p" tone="subdued">
          The rest of the shop keeps selling. Checkout refuses a cart holding a paused item and
          names it; that product&apos;s page says new orders for it are paused.
        </Text>
        <InlineStack gap="200">
          <Button onClick={() => void pick("product")} loading={busy}>
            Pause products
          </Button>
          <Button onClick={() => void pick("variant")} loading={busy}>
            Pause variants
          </Button>
          <Button onClick={() => void pick("collection")} loading={busy}>
            Pause collections
          </Button>
        </InlineStack>
        {items.length > 0 ? (
          <BlockStack gap="200">
            {items.map((item) => (
              <Form method="post" key={item.id}>
                <input type="hidden" name="intent" value="release" />
                <input type="hidden" name="id" value={item.id} />
                <InlineStack gap="200" blockAlign="center">
                  <Badge tone="critical">{`${HELD_KIND_LABEL[item.kind]} paused`}</Badge>
                  <Text as="span">{item.title}</Text>
                  <Button submit loading={busy} accessibilityLabel={`Resume ${item.title}`}>
                    Resume
                  </Button>
                </InlineStack>
              </Form>
            ))}
          </BlockStack>
        ) : (
          <Text as="p" tone="subdued">
            Nothing is paused on its own.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

/**
 * "Waitlist while paused": off, the banner shows no form and the proxy refuses sign-ups; who is
 * already on the list still gets the one mail on resume.
 */
function WaitlistSwitch({
  offered,
  saved,
  busy,
}: {
  offered: boolean;
  saved: boolean | null;
  busy: boolean;
}) {
  const [checked, setChecked] = useState(offered);
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={WAITLIST_INTENT} />
      <input type="hidden" name="waitlist" value={checked ? "on" : "off"} />
      <BlockStack gap="200">
        {saved !== null ? (
          <Banner tone="success" title="Waitlist setting saved">
            <p>
              {saved
                ? "The paused banner offers “Tell me when you reopen”."
                : "The paused banner no longer offers the waitlist form, and new sign-ups are refused. Shoppers already on the list still get their one email when you resume."}
            </p>
          </Banner>
        ) : null}
        <InlineStack gap="300" blockAlign="center">
          <Checkbox
            label="Waitlist while paused"
            helpText="Show the “Tell me when you reopen” form on the paused banner."
            checked={checked}
            onChange={setChecked}
          />
          <Button submit loading={busy} disabled={checked === offered}>
            Save waitlist setting
          </Button>
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

function people(count: number): string {
  return count === 1 ? "1 shopper" : `${count} shoppers`;
}

/** The list in one sentence: who is waiting, whose mail is on its way, who was told. */
function waitlistSummary(counts: {
  waiting: number;
  due: number;
  mailed: number;
  unsubscribed: number;
  failed: number;
}): string {
  const parts = [`${people(counts.waiting)} waiting to hear you reopened`];
  if (counts.due > 0) parts.push(`${people(counts.due)} being emailed now`);
  if (counts.mailed > 0) parts.push(`${people(counts.mailed)} emailed`);
  if (counts.unsubscribed > 0) parts.push(`${counts.unsubscribed} unsubscribed`);
  if (counts.failed > 0) parts.push(`${counts.failed} the mail server refused`);
  return `${parts.join("; ")}.`;
}
