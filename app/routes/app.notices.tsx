// The composer: write the delay notice once (subject, message, reason, reply-to), preview it for a
// real order as HTML and plain text, then send it to a selection or a class as a job, in two
// steps: "Send notices" shows how many would go, to whom (a sample) and who is held back; "Confirm"
// re-computes that list and sends exactly it.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  Checkbox,
  InlineGrid,
  InlineStack,
  Page,
  RadioButton,
  Text,
  TextField,
} from "@shopify/polaris";
import { useFormFields, type FieldProps } from "../forms/use-form-fields";
import { z } from "zod";
import db from "../db.server";
import { appEnv } from "../env.server";
import { loadShopProfile } from "../home/shop-overview.server";
import { loadComposer, parseOrderList } from "../notices/composer.server";
import {
  saveNoticeTemplate,
  saveNoticeTranslation,
  saveNoticeWording,
} from "../notices/notice-template.server";
import { sendNotices } from "../notices/send-notices-flow.server";
import type { NoticePlan, PlannedChange } from "../notices/send-notices.server";
import {
  DEFAULT_WORDINGS,
  isNoticeKind,
  KIND_FIELDS,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  type NoticeKind,
} from "../notices/notice-kinds";
import {
  parseTemplateForm,
  parseTranslationForm,
  parseWordingForm,
} from "../notices/template-form";
import {
  CUSTOMER_LANGUAGES,
  isCustomerLanguage,
  LANGUAGE_NAMES,
  type CustomerLanguage,
} from "../locale/language";
import { shopPrimaryLocale } from "../locale/shop-locale.server";
import type { LanguageTemplate } from "../notices/notice-translations";
import { CustomerDataBanner } from "../customer-data/customer-data-banner";
import { appServices } from "../services.server";
import { shopClock } from "../locale/shop-zone.server";
import { authenticate } from "../shopify.server";
import { staffName } from "../storefront/staff-name.server";
import { gidId } from "../admin-api/gid";
import { submittingIntent } from "../forms/submitting-intent";
import steadyTextareas from "../components/steady-textareas.css?url";

// In the document's head, so the fields have their height from the first paint.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: steadyTextareas }];

function kindParam(url: URL): NoticeKind {
  const kind = url.searchParams.get("kind") ?? "";
  return isNoticeKind(kind) ? kind : "first";
}

function languageParam(url: URL): CustomerLanguage | undefined {
  const language = url.searchParams.get("lang") ?? "";
  return isCustomerLanguage(language) ? language : undefined;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const url = new URL(request.url);
  // The shop's name and customer-data access only: Shopify's counts of every open order (the
  // overview's slow half at 100k orders) are not on this page.
  const [overview, primaryLocale] = await Promise.all([
    loadShopProfile(admin),
    shopPrimaryLocale(admin),
  ]);
  const composer = await loadComposer(db, {
    shop: session.shop,
    shopName: overview.shop.name,
    secret: appEnv().SHOPIFY_API_SECRET,
    selection: parseOrderList(url.searchParams.get("orders")),
    previewId: parseOrderList(url.searchParams.get("preview"))[0] ?? null,
    kind: kindParam(url),
    language: languageParam(url),
    primaryLocale,
    now: new Date(),
  });
  const clock = await shopClock(request, db, session.shop, admin);
  return {
    ...composer,
    // On the shop's clock, its zone named (app/locale/shop-time.ts).
    jobs: composer.jobs.map((job) => ({ ...job, createdAt: clock.time(job.createdAt) })),
    customerData: overview.customerData,
  };
};

const sendSchema = z.object({
  intent: z.enum(["review", "confirm"]),
  target: z.enum(["selection", "at_risk", "overdue", "late", "shipped"]),
  orders: z.string().default(""),
  overrideReason: z.string().trim().max(500).default(""),
  confirmBetter: z.literal("on").optional(),
  fingerprint: z.string().max(64).default(""),
});
type SendInput = z.infer<typeof sendSchema>;

type SendFields = Pick<SendInput, "target" | "orders" | "overrideReason"> & {
  confirmBetter: boolean;
};

type ActionData =
  | { intent: "save"; ok: true }
  | {
      intent: "save";
      ok: false;
      errors: Partial<Record<"subject" | "body" | "reason" | "replyTo", string>>;
      values: Record<string, string>;
    }
  | { intent: "save-wording"; ok: true }
  | {
      intent: "save-wording";
      ok: false;
      errors: Partial<Record<"subject" | "body" | "makeGood", string>>;
      values: Record<string, string>;
      message: string | null;
    }
  | { intent: "save-translation"; ok: true }
  | {
      intent: "save-translation";
      ok: false;
      errors: Partial<Record<"subject" | "body" | "makeGood" | "reason", string>>;
      values: Record<string, string>;
      message: string | null;
    }
  | { intent: "send"; ok: false; message: string }
  | { intent: "review"; plan: NoticePlan; fields: SendFields; message: string | null };

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionData | Response> => {
  const { admin, session, sessionToken } = await authenticate.admin(request);
  const form = await request.formData();
  const userId = sessionToken.sub ?? null;
  if (form.get("intent") === "save") {
    const parsed = parseTemplateForm(form);
    if (!parsed.ok)
      return { intent: "save", ok: false, errors: parsed.errors, values: parsed.values };
    await saveNoticeTemplate(db, session.shop, parsed.data, userId);
    return { intent: "save", ok: true };
  }
  if (form.get("intent") === "save-wording") {
    const kind = z.enum(["weekly", "later", "earlier", "shipped"]).safeParse(form.get("kind"));
    if (!kind.success) return Response.json({ error: "Unknown notice kind" }, { status: 400 });
    const parsed = parseWordingForm(form, kind.data);
    if (!parsed.ok)
      return {
        intent: "save-wording",
        ok: false,
        errors: parsed.errors,
        values: parsed.values,
        message: null,
      };
    if (!(await saveNoticeWording(db, session.shop, kind.data, parsed.data, userId)))
      return {
        intent: "save-wording",
        ok: false,
        errors: {},
        values: {},
        message: "Save the first notice first: every notice needs your reply-to address.",
      };
    return { intent: "save-wording", ok: true };
  }
  if (form.get("intent") === "save-translation") {
    const target = z
      .object({ language: z.enum(CUSTOMER_LANGUAGES), kind: z.enum(NOTICE_KINDS) })
      .safeParse({ language: form.get("language"), kind: form.get("kind") });
    if (!target.success)
      return Response.json({ error: "Unknown language or notice kind" }, { status: 400 });
    const parsed = parseTranslationForm(form, target.data.kind);
    if (!parsed.ok)
      return {
        intent: "save-translation",
        ok: false,
        errors: parsed.errors,
        values: parsed.values,
        message: null,
      };
    const { language, kind } = target.data;
    if (!(await saveNoticeTranslation(db, session.shop, language, kind, parsed.data, userId)))
      return {
        intent: "save-translation",
        ok: false,
        errors: {},
        values: {},
        message: "Save your own notice first: every notice needs your reply-to address.",
      };
    return { intent: "save-translation", ok: true };
  }
  const parsed = sendSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return Response.json({ error: "Unknown action" }, { status: 400 });
  const input = parsed.data;
  const fields: SendFields = {
    target: input.target,
    orders: input.orders,
    overrideReason: input.overrideReason,
    confirmBetter: input.confirmBetter === "on",
  };
  const outcome = await sendNotices(
    { db, admin, noticeKind: appServices().noticeKind },
    { shop: session.shop, ...fields },
    input.intent === "confirm"
      ? {
          fingerprint: input.fingerprint,
          createdBy: userId,
          createdByName: userId ? await staffName(request, session.shop, userId) : null,
        }
      : null,
    new Date(),
  );
  if (outcome.kind === "refused") return { intent: "send", ok: false, message: outcome.message };
  if (outcome.kind === "review")
    return { intent: "review", plan: outcome.plan, fields, message: outcome.message };
  return redirect(`/app/jobs/${outcome.jobId}`);
};

/** The subject and message every notice form has; `fieldsHelp` lists the placeholders it takes. */
function SubjectAndMessage({
  subject,
  body,
  fieldsHelp,
}: {
  subject: FieldProps;
  body: FieldProps;
  fieldsHelp: string;
}) {
  return (
    <>
      <TextField label="Subject" {...subject} autoComplete="off" />
      <TextField
        label="Message"
        {...body}
        multiline={10}
        autoComplete="off"
        helpText={fieldsHelp}
      />
    </>
  );
}

function TemplateCard({
  template,
  errors,
  saved,
}: {
  template: { subject: string; body: string; reason: string; replyTo: string };
  errors: Record<string, string | undefined>;
  saved: boolean;
}) {
  const form = useFormFields(template, errors);
  const navigation = useNavigation();
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            Your notice
          </Text>
          {saved ? <Banner tone="success" title="Notice saved" /> : null}
          <SubjectAndMessage
            subject={form.field("subject")}
            body={form.field("body")}
            fieldsHelp="Fields: {{first_name}} {{order_name}} {{items}} {{estimate}} {{reason}} {{sender_name}} {{sender_role}} {{shop_name}}. Your signature and the two choice links are added below the message."
          />
          <TextField
            label="The reason, in your words"
            {...form.field("reason")}
            multiline={2}
            autoComplete="off"
          />
          <TextField
            label="Reply-to (a person reads it)"
            type="email"
            {...form.field("replyTo")}
            autoComplete="email"
          />
          <InlineStack>
            <Button submit variant="primary" loading={submittingIntent(navigation, "save")}>
              Save and preview
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

function LanguagePicker({
  language,
  languages,
  kind,
  orders,
}: {
  language: CustomerLanguage;
  languages: readonly CustomerLanguage[];
  kind: NoticeKind;
  orders: string;
}) {
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="span" tone="subdued">
        Language:
      </Text>
      {languages.map((l, index) => (
        <Link
          key={l}
          to={`/app/notices?kind=${kind}&lang=${l}${orders ? `&orders=${orders}` : ""}`}
          aria-current={l === language ? "page" : undefined}
          style={{ fontWeight: l === language ? 700 : 400 }}
        >
          {index === 0 ? `${LANGUAGE_NAMES[l]} (your shop's language)` : LANGUAGE_NAMES[l]}
        </Link>
      ))}
    </InlineStack>
  );
}

function TranslationCard({
  kind,
  translation,
  result,
}: {
  kind: NoticeKind;
  translation: LanguageTemplate;
  result: Extract<ActionData, { intent: "save-translation" }> | null;
}) {
  const failed = result && !result.ok ? result : null;
  const wording = translation.wordings[kind];
  const form = useFormFields(
    {
      subject: failed?.values.subject ?? wording.subject,
      body: failed?.values.body ?? wording.body,
      reason: failed?.values.reason ?? translation.reason,
      makeGood: failed?.values.makeGood ?? translation.makeGood,
    },
    failed?.errors,
  );
  const navigation = useNavigation();
  const name = LANGUAGE_NAMES[translation.language];
  return (
    <Card>
      <Form method="post">
        <input type="hidden" name="intent" value="save-translation" />
        <input type="hidden" name="language" value={translation.language} />
        <input type="hidden" name="kind" value={kind} />
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            {`${NOTICE_KIND_LABELS[kind]} in ${name}`}
          </Text>
          <Text as="p" tone="subdued">
            {`Customers who shop in ${name} get this wording; the links, the consent paragraph and the dates are added in ${name} for you. ${translation.custom[kind] ? "This is your wording." : "Until you save, Delay Desk's own wording in this language is sent."}`}
          </Text>
          {result?.ok ? <Banner tone="success" title="Wording saved" /> : null}
          {failed?.message ? <Banner tone="critical" title={failed.message} /> : null}
          <SubjectAndMessage
            subject={form.field("subject")}
            body={form.field("body")}
            fieldsHelp={`Fields: ${KIND_FIELDS[kind].map((f) => `{{${f}}}`).join(" ")}.`}
          />
          {kind === "first" ? (
            <TextField
              label={`The reason, in ${name}`}
              {...form.field("reason")}
              multiline={2}
              autoComplete="off"
            />
          ) : null}
          {kind === "later" ? (
            <TextField
              label={`Your make-good, in ${name}`}
              {...form.field("makeGood")}
              multiline={2}
              autoComplete="off"
            />
          ) : null}
          <InlineStack>
            <Button
              submit
              variant="primary"
              loading={
                navigation.state === "submitting" &&
                navigation.formData?.get("intent") === "save-translation"
              }
            >
              Save and preview
            </Button>
          </InlineStack>
        </BlockStack>
      </Form>
    </Card>
  );
}

function KindPicker({
  kind,
  orders,
  language,
}: {
  kind: NoticeKind;
  orders: string;
  language: CustomerLanguage;
}) {
  return (
    <InlineStack gap="200">
      {NOTICE_KINDS.map((k) => (
        <Link
          key={k}
          to={`/app/notices?kind=${k}&lang=${language}${orders ? `&orders=${orders}` : ""}`}
          aria-current={k === kind ? "page" : undefined}
          style={{ fontWeight: k === kind ? 700 : 400 }}
        >
          {NOTICE_KIND_LABELS[k]}
        </Link>
      ))}
    </InlineStack>
  );
}

const KIND_HELP: Record<Exclude<NoticeKind, "first">, string> = {
  weekly: "Sent when the week is up and the date still holds. It must say the date ({{estimate}}).",
  later:
    "Sent only when you override the one-excuse rule. It must name the date given before ({{previous_estimate}}), the new one ({{estimate}}), why it moved ({{override_reason}}, what you type when sending) and your make-good ({{make_good}}). The refund link is always added.",
  earlier:
    "Sent only when you tick 'announce earlier dates'. It must name the date given before ({{previous_estimate}}) and the new one ({{estimate}}).",
  shipped:
    "Sent to customers you told of a delay once their order has shipped. It carries no cancel link.",
};

function WordingCard({
  kind,
  wording,
  makeGood,
  result,
}: {
  kind: Exclude<NoticeKind, "first">;
  wording: { subject: string; body: string; custom: boolean };
  makeGood: string;
  result: Extract<ActionData, { intent: "save-wording" }> | null;
}) {
  const failed = result && !result.ok ? result : null;
  const form = useFormFields(
    {
      subject: failed?.values.subject ?? wording.subject,
      body: failed?.values.body ?? wording.body,
      makeGood: failed?.values.makeGood ?? makeGood,
    },
    failed?.errors,
  );
  const navigation = useNavigation();
  return (
    <Form method="post">
      <input type="hidden" name="intent" value="save-wording" />
      <input type="hidden" name="kind" value={kind} />
      <BlockStack gap="300">
        <Text as="p" tone="subdued">
          {KIND_HELP[kind]}
        </Text>
        {result?.ok ? <Banner tone="success" title="Wording saved" /> : null}
        {failed?.message ? <Banner tone="critical" title={failed.message} /> : null}
        <SubjectAndMessage
          subject={form.field("subject")}
          body={form.field("body")}
          fieldsHelp={`Fields: ${KIND_FIELDS[kind].map((f) => `{{${f}}}`).join(" ")}.`}
        />
        {kind === "later" ? (
          <TextField
            label="Your make-good, in your words"
            {...form.field("makeGood")}
            multiline={2}
            autoComplete="off"
            helpText="What you offer customers whose date slipped again: faster shipping, a free accessory."
          />
        ) : null}
        <InlineStack gap="200">
          <Button submit variant="primary" loading={submittingIntent(navigation, "save-wording")}>
            Save and preview
          </Button>
          {wording.custom ? (
            <Text as="span" tone="subdued">
              Your wording
            </Text>
          ) : (
            <Text as="span" tone="subdued">
              {DEFAULT_WORDINGS[kind].subject === wording.subject ? "Default wording" : ""}
            </Text>
          )}
        </InlineStack>
      </BlockStack>
    </Form>
  );
}

const CHANGE_LABELS: Record<PlannedChange, string> = {
  first: "first notice",
  weekly: "weekly update, same date",
  keptOldDate: "weekly update, the date they have (earlier not announced)",
  earlier: "earlier date",
  later: "later date (override)",
  shipped: "it has shipped",
};

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function ReviewCard({ data }: { data: Extract<ActionData, { intent: "review" }> }) {
  const { plan, fields } = data;
  const navigation = useNavigation();
  const kinds = [
    [plan.first, "first notice", "first notices"],
    [plan.sameDate + plan.keptOldDate, "weekly update", "weekly updates"],
    [plan.earlier, "earlier date", "earlier dates"],
    [plan.overridden, "later date (override)", "later dates (override)"],
    [plan.shipped, '"it has shipped" notice', '"it has shipped" notices'],
  ] as const;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Check before sending
        </Text>
        {data.message ? <Banner tone="warning" title={data.message} /> : null}
        <Text as="p" variant="headingSm">
          <span data-testid="review-count">{plural(plan.willSend, "notice", "notices")}</span> would
          go out now, of {plan.total.toLocaleString("en-US")} orders.
        </Text>
        <ul>
          {kinds
            .filter(([n]) => n > 0)
            .map(([n, one, many]) => (
              <li key={one}>{plural(n, one, many)}</li>
            ))}
        </ul>
        {plan.sample.length > 0 ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              For example
            </Text>
            <ul data-testid="review-sample">
              {plan.sample.map((s) => (
                <li key={s.orderId}>
                  <Link to={`/app/orders/${gidId(s.orderId)}`}>{s.name}</Link>:{" "}
                  {CHANGE_LABELS[s.change]}, {s.from === s.to ? s.to : `${s.from} to ${s.to}`}
                </li>
              ))}
            </ul>
          </BlockStack>
        ) : null}
        {plan.tooSoon + plan.cancelled + plan.skipped.length + plan.blocked.length > 0 ? (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Held back
            </Text>
            <ul data-testid="review-held">
              {plan.tooSoon > 0 ? (
                <li>{`${plural(plan.tooSoon, "customer was", "customers were")} told within the last ${plan.cadenceDays} days: the next update waits unless the date gets worse`}</li>
              ) : null}
              {plan.cancelled > 0 ? (
                <li>{`${plural(plan.cancelled, "customer", "customers")} asked to cancel: they hear nothing more`}</li>
              ) : null}
              {plan.skipped
                .filter(
                  (s) => !s.reason.startsWith("Told ") && !s.reason.includes("asked to cancel"),
                )
                .slice(0, 10)
                .map((s) => (
                  <li key={s.name}>{`${s.name}: ${s.reason}`}</li>
                ))}
            </ul>
          </BlockStack>
        ) : null}
        {plan.blocked.length > 0 ? (
          <Banner
            tone="critical"
            title={`${plural(plan.blocked.length, "order was", "orders were")} already told a date and would now get a later one`}
          >
            <BlockStack gap="200">
              <p>
                A second excuse costs their trust: offer a refund or compensation instead, or
                override with a reason (it is shown to the customer and logged).
              </p>
              <ul>
                {plan.blocked.slice(0, 20).map((b) => (
                  <li key={b.orderId}>
                    <Link to={`/app/orders/${gidId(b.orderId)}`}>{b.name}</Link>: told {b.told}, now{" "}
                    {b.proposed}
                  </li>
                ))}
              </ul>
              <Link to="/app/orders?class=overdue">Offer a refund or compensation instead</Link>
            </BlockStack>
          </Banner>
        ) : null}
        {plan.willSend > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="target" value={fields.target} />
            <input type="hidden" name="orders" value={fields.orders} />
            <input type="hidden" name="overrideReason" value={fields.overrideReason} />
            {fields.confirmBetter ? <input type="hidden" name="confirmBetter" value="on" /> : null}
            <input type="hidden" name="fingerprint" value={plan.fingerprint} />
            <Button submit variant="primary" loading={submittingIntent(navigation, "confirm")}>
              {plan.blocked.length > 0
                ? `Confirm: send ${plural(plan.willSend, "notice", "notices")}, skip the ${plan.blocked.length} blocked`
                : `Confirm: send ${plural(plan.willSend, "notice", "notices")}`}
            </Button>
          </Form>
        ) : (
          <Text as="p">Nothing to send now.</Text>
        )}
      </BlockStack>
    </Card>
  );
}

export default function NoticesPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const hasSelection = data.selection.length > 0;
  const send = useFormFields({
    target: hasSelection ? "selection" : "late",
    overrideReason: "",
    confirmBetter: false,
  });
  const target = send.values.target;
  const setTarget = (value: string) => send.set("target", value);
  const orders = data.selection.map((o) => o.id).join(",");
  const saveErrors =
    actionData && actionData.intent === "save" && !actionData.ok ? actionData.errors : {};
  const templateValues =
    actionData && actionData.intent === "save" && !actionData.ok
      ? {
          subject: actionData.values.subject ?? "",
          body: actionData.values.body ?? "",
          reason: actionData.values.reason ?? "",
          replyTo: actionData.values.replyTo ?? "",
        }
      : data.template;
  return (
    <Page title="Tell customers" backAction={{ content: "Dashboard", url: "/app" }}>
      {/* A grid, not Layout's wrapping flex row: the document streams in, and the main column,
            painted before the side one arrived, took the whole width and then shrank (CLS 0.40). */}
      <div className="dd-steady-textareas">
        <InlineGrid columns={{ xs: 1, md: ["twoThirds", "oneThird"] }} gap="400" alignItems="start">
          <BlockStack gap="400">
            <CustomerDataBanner availability={data.customerData} />
            <LanguagePicker
              language={data.language}
              languages={data.languages}
              kind={data.kind}
              orders={orders}
            />
            <KindPicker kind={data.kind} orders={orders} language={data.language} />
            {data.translation ? (
              <TranslationCard
                key={`${data.language}-${data.kind}-${data.template.updatedAt ?? "default"}`}
                kind={data.kind}
                translation={data.translation}
                result={actionData && actionData.intent === "save-translation" ? actionData : null}
              />
            ) : data.kind === "first" ? (
              <TemplateCard
                key={data.template.updatedAt ?? "default"}
                template={templateValues}
                errors={saveErrors}
                saved={Boolean(actionData && actionData.intent === "save" && actionData.ok)}
              />
            ) : (
              <Card>
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    {NOTICE_KIND_LABELS[data.kind]}
                  </Text>
                  <WordingCard
                    key={`${data.kind}-${data.template.updatedAt ?? "default"}`}
                    kind={data.kind}
                    wording={data.template.wordings[data.kind]}
                    makeGood={data.template.makeGood}
                    result={actionData && actionData.intent === "save-wording" ? actionData : null}
                  />
                </BlockStack>
              </Card>
            )}
            <Card>
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {`Preview: ${NOTICE_KIND_LABELS[data.kind].toLowerCase()}`}
                  {data.preview ? ` for ${data.preview.orderName}` : ""}
                </Text>
                {data.preview ? (
                  <>
                    <Text as="p" tone="subdued">
                      To {data.preview.to ?? "(no email)"} · Subject:{" "}
                      <span data-testid="preview-subject">{data.preview.subject}</span>
                    </Text>
                    <iframe
                      title="Preview (HTML)"
                      sandbox=""
                      srcDoc={data.preview.html}
                      style={{
                        width: "100%",
                        height: 420,
                        border: "1px solid #ddd",
                        borderRadius: 8,
                      }}
                    />
                    <details>
                      <summary>Plain text</summary>
                      <pre style={{ whiteSpace: "pre-wrap" }} data-testid="preview-text">
                        {data.preview.text}
                      </pre>
                    </details>
                  </>
                ) : (
                  <Text as="p">No late order with a forecast to preview yet.</Text>
                )}
              </BlockStack>
            </Card>
          </BlockStack>

          <BlockStack gap="400">
            <Card>
              <Form method="post">
                <input type="hidden" name="intent" value="review" />
                <input type="hidden" name="orders" value={orders} />
                <input type="hidden" name="target" value={target} />
                <BlockStack gap="300">
                  <Text as="h2" variant="headingMd">
                    Send
                  </Text>
                  <Text as="p" tone="subdued">
                    From {data.sender.name ?? "— (set your name in Settings)"}
                    {data.sender.role ? `, ${data.sender.role}` : ""}
                  </Text>
                  {hasSelection ? (
                    <RadioButton
                      label={`The ${data.selection.length} selected (${data.selection
                        .slice(0, 3)
                        .map((o) => o.name)
                        .join(", ")}${data.selection.length > 3 ? "…" : ""})`}
                      id="t-selection"
                      checked={target === "selection"}
                      onChange={() => setTarget("selection")}
                    />
                  ) : null}
                  <RadioButton
                    label={`All late orders (${data.counts.at_risk + data.counts.overdue})`}
                    id="t-late"
                    checked={target === "late"}
                    onChange={() => setTarget("late")}
                  />
                  <RadioButton
                    label={`All overdue (${data.counts.overdue})`}
                    id="t-overdue"
                    checked={target === "overdue"}
                    onChange={() => setTarget("overdue")}
                  />
                  <RadioButton
                    label={`All at risk (${data.counts.at_risk})`}
                    id="t-at-risk"
                    checked={target === "at_risk"}
                    onChange={() => setTarget("at_risk")}
                  />
                  <RadioButton
                    label={`Shipped since you told them of a delay (${data.counts.shipped})`}
                    id="t-shipped"
                    checked={target === "shipped"}
                    onChange={() => setTarget("shipped")}
                  />
                  <Checkbox
                    label="Announce earlier dates (I am sure we will make them)"
                    {...send.checkbox("confirmBetter")}
                  />
                  <TextField
                    label="Override reason"
                    {...send.field("overrideReason")}
                    autoComplete="off"
                    helpText="Only to send a second, later date to customers already told one. The customer reads it in the later-date notice ({{override_reason}}), and it is logged on each order."
                  />
                  <Button
                    submit
                    variant="primary"
                    disabled={!data.template.saved}
                    loading={submittingIntent(navigation, "review")}
                  >
                    Send notices
                  </Button>
                  {!data.template.saved ? (
                    <Text as="p" tone="subdued">
                      Save the notice first.
                    </Text>
                  ) : null}
                </BlockStack>
              </Form>
            </Card>
            {actionData && actionData.intent === "send" ? (
              <Banner tone="critical" title={actionData.message} />
            ) : null}
            {actionData && actionData.intent === "review" ? <ReviewCard data={actionData} /> : null}
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Rhythm
                </Text>
                <Text as="p">
                  {`${data.noUpdate} late orders have had no update for ${data.cadenceDays} days. Each customer hears from you at most every ${data.cadenceDays} days (Settings), sooner only when the date gets worse.`}
                </Text>
                {data.jobs.map((job) => (
                  <Link key={job.id} to={`/app/jobs/${job.id}`}>
                    {`Notices of ${job.createdAt} · ${job.status}`}
                  </Link>
                ))}
              </BlockStack>
            </Card>
            {data.cancelRequests.length > 0 ? (
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    Cancel requests for staff
                  </Text>
                  {data.cancelRequests.map((r) => (
                    <Link key={r.orderId} to={`/app/orders/${r.orderId}`}>
                      {r.name}
                    </Link>
                  ))}
                </BlockStack>
              </Card>
            ) : null}
          </BlockStack>
        </InlineGrid>
      </div>
    </Page>
  );
}
