// How every table the app keeps is treated when Shopify's compliance webhooks arrive
// (shopify.dev "Privacy law compliance", https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance).
// model-treatment.test.ts reads the models from Prisma's DMMF and fails when one is missing here,
// so a new table cannot be added without deciding what happens to it. shop/redact erases every
// model's rows for the shop (every model has a `shop` column, which the test also checks).

// "erase": the customer's rows are deleted outright (nothing in them is the merchant's record).
export type CustomerRedaction = "anonymise" | "erase" | "keep";

export interface ModelTreatment {
  /** What customers/redact does to the redacted customer's rows. */
  customerRedact: CustomerRedaction;
  /** Whether customers/data_request exports the customer's rows of this model. */
  exported: boolean;
  reason: string;
}

export const MODEL_TREATMENT = {
  Session: {
    customerRedact: "keep",
    exported: false,
    reason:
      "Staff credentials and staff names, never a customer's. Dropped on app/uninstalled; erased by shop/redact.",
  },
  ShopSettings: {
    customerRedact: "keep",
    exported: false,
    reason: "The shop's rules and sender identity (staff), no customer data.",
  },
  ShopOrderSummary: {
    customerRedact: "keep",
    exported: false,
    reason: "Counts of the shop's orders by forecast class, no customer data.",
  },
  TrackedOrder: {
    customerRedact: "anonymise",
    exported: true,
    reason:
      "Email, first and last name and locale are the customer's: cleared. The order id, name, amounts, currencies, dates and line items stay for the merchant's accounting and the backlog's counts. The orders search's index follows the row: SQLite's FTS5 table (TrackedOrderSearch, no Prisma model) is kept by triggers with secure-delete, so the cleared email and names leave it in the same statement (app/orders/order-search.server.test.ts checks it); on PostgreSQL, TrackedOrderTrigram (below) is kept by triggers the same way.",
  },
  WebhookReceipt: {
    customerRedact: "keep",
    exported: false,
    reason: "Shop, topic and Shopify's event ids only; pruned after 7 days (retention.server.ts).",
  },
  OrderSync: {
    customerRedact: "keep",
    exported: false,
    reason: "Import runs of the whole shop: counts, times, errors; no customer data.",
  },
  StorefrontState: {
    customerRedact: "keep",
    exported: false,
    reason: "The shop's storefront mode and message, written by staff.",
  },
  ModeChange: {
    customerRedact: "keep",
    exported: false,
    reason: "Audit of storefront mode changes by staff; no customer data.",
  },
  OrderFulfillmentState: {
    customerRedact: "keep",
    exported: false,
    reason:
      "The deadline and hold ids Delay Desk wrote to the order's fulfillment orders in Shopify, and why a hold is pending; dates and ids, no customer data.",
  },
  Job: {
    customerRedact: "anonymise",
    exported: false,
    reason:
      "One job spans many orders; its params are the merchant's (remedy options, notice text). Any text naming the customer is replaced; amounts and order ids stay. The customer's own part is the JobItem rows.",
  },
  JobItem: {
    customerRedact: "anonymise",
    exported: true,
    reason:
      "What a remedy or notice did to the customer's order. Result and error texts naming the customer are replaced; amounts, status and order id stay (refunds are accounting).",
  },
  OrderEvent: {
    customerRedact: "anonymise",
    exported: true,
    reason:
      "The order's timeline. Personal fields and any text naming the customer are replaced in detail; kind, dates and order id stay.",
  },
  NoticeTemplate: {
    customerRedact: "keep",
    exported: false,
    reason: "The shop's template and reply-to address (staff), no customer data.",
  },
  Notice: {
    customerRedact: "anonymise",
    exported: true,
    reason:
      "The recipient address, the subject (it may carry the customer's name) and the mail server's error are replaced; revision, dates, estimate and status stay as the record that the customer was told.",
  },
  CustomerChoice: {
    customerRedact: "keep",
    exported: true,
    reason:
      "Wait or cancel, with the date, keyed by order id: no identifying field, and it explains the refund the merchant paid.",
  },
  ConsentRequest: {
    customerRedact: "keep",
    exported: true,
    reason:
      "What a delay notice asked of the customer under the consent law, the deadline and their answer, keyed by order id: no identifying field, and it is the record that the law was followed.",
  },
  ShopInstall: {
    customerRedact: "keep",
    exported: false,
    reason:
      "The shop's install and uninstall dates, so compliance webhooks can be handled after the sessions are gone.",
  },
  DataRequest: {
    customerRedact: "anonymise",
    exported: false,
    reason:
      "The customer's earlier data requests: email and phone are cleared, the request id and dates stay as proof the request was answered.",
  },
  SyncTask: {
    customerRedact: "keep",
    exported: false,
    reason:
      "Order sync work still to do: shop, kind, an order or bulk operation id, times and Admin API error text; done rows are deleted at once.",
  },
  Lease: {
    customerRedact: "keep",
    exported: false,
    reason:
      "Which app process does a shop's periodic work until when; process names and times only.",
  },
  JobGate: {
    customerRedact: "keep",
    exported: false,
    reason:
      "A staff money job's approval, undo window and who decided (staff ids and names); the orders are its JobItem rows.",
  },
  StaffRules: {
    customerRedact: "keep",
    exported: false,
    reason:
      "The shop's limits for staff money jobs and its approver (a staff member); no customer data.",
  },
  FlowTrigger: {
    customerRedact: "keep",
    exported: false,
    reason:
      "Shopify Flow triggers queued or sent: a trigger handle, an order id and ship dates; no customer's name, email or address.",
  },
  FlowActionRun: {
    customerRedact: "keep",
    exported: false,
    reason:
      "Which Shopify Flow action runs were taken and their outcome; run ids and summaries only.",
  },
  OutcomeWeek: {
    customerRedact: "keep",
    exported: false,
    reason:
      "The outcomes page's weekly counts and sums per shop (app/outcomes/): no order or customer is named in them.",
  },
  OrderOutcome: {
    customerRedact: "keep",
    exported: false,
    reason:
      "Per order GID, when it became late, was first told, chose and finished, so each counts once on the outcomes page; no email, name or address.",
  },
  WaitlistSignup: {
    customerRedact: "erase",
    exported: true,
    reason:
      "A shopper's address on the shop's waitlist while it was paused, with the consent words they agreed to and when, and whether the one mail went out (app/waitlist). customers/redact deletes the rows with the customer's email (compared case-insensitively); nothing in them is the merchant's accounting.",
  },
} as const satisfies Record<string, ModelTreatment>;

export type ModelName = keyof typeof MODEL_TREATMENT;

/**
 * Models only the PostgreSQL schema has (`//postgresql` in prisma/schema.prisma). The app never
 * writes them: triggers keep them equal to a model above, so customers/redact and shop/redact
 * reach them through that model's rows. model-treatment.test.ts checks the list against the
 * PostgreSQL client's models, and compliance-webhooks.test.ts scans them on PostgreSQL.
 */
export const POSTGRESQL_ONLY_MODEL_TREATMENT = {
  TrackedOrderTrigram: {
    customerRedact: "anonymise",
    exported: false,
    reason:
      "The orders search's copy of TrackedOrder's name, email and customer's names, with its trigram index (migration *_orders_trigram_table), and of the order's class group, creation date and promise (migration *_orders_trigram_sort_keys; no customer data, kept as TrackedOrder keeps them). Triggers on TrackedOrder keep it equal: customers/redact clearing email and names there clears them here in the same statement, and shop/redact deleting the shop's TrackedOrder rows deletes these. Not exported: the same values are exported from TrackedOrder.",
  },
} as const satisfies Record<string, ModelTreatment>;
