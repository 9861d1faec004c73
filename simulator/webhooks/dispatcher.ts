// Webhook delivery, as Shopify does it: every subscribed URI (relative to the app URL) gets a POST
// signed with the app's secret; a non-2xx answer or no answer within 5 s is retried with backoff.
// Each delivery has its own X-Shopify-Webhook-Id, kept across its retries; every delivery of one
// merchant action (each topic, each subscription, each retry) carries the same X-Shopify-Event-Id
// and X-Shopify-Triggered-At (shopify.dev "Webhooks delivery structure"). After the last try the
// delivery is given up (Shopify: 8 retries over 4 hours; delays injectable here).
import { randomUUID } from "node:crypto";
import type { FulfillmentOrderEvent } from "../store/fulfillment-holds";
import type { OrderEditEvent } from "../store/order-edits";
import type { RefundRecord } from "../store/refunds";
import type { ShopStore, StoreEvent } from "../store/shop-store";
import { signedWebhookRequest } from "../webhook-request";
import {
  bulkOperationFinishPayload,
  restOrder,
  restOrderEdit,
  restFulfillmentOrderHold,
  restRefund,
  type BulkOperationSummary,
} from "./payloads";

export interface WebhookSubscription {
  topics: string[];
  /** Absolute, or relative to the app URL ("/webhooks/orders/create"). */
  uri: string;
}

export type WebhookTransport = (request: Request) => Promise<Response>;

export interface WebhookSettings {
  subscriptions: WebhookSubscription[];
  transport: WebhookTransport;
  /** Waits before each retry; the number of tries is this length + 1. */
  retryDelaysMs: number[];
  timeoutMs: number;
}

export type DeliveryOutcome = "pending" | "delivered" | "failed" | "dropped";

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error?: string;
}

export interface Delivery {
  webhookId: string;
  /** The merchant action this delivery reports; shared with the action's other deliveries. */
  eventId: string;
  triggeredAt: Date;
  shop: string;
  topic: string;
  url: string;
  payload: unknown;
  forged: boolean;
  outcome: DeliveryOutcome;
  attempts: DeliveryAttempt[];
}

// shopify.dev changelog "Updates to webhook retry mechanism" (2024-09-10): "Webhooks will now be
// retried a total of 8 times over 4 hours using an exponential backoff schedule." The exact
// delays are not published; these eight add up to just under 4 hours.
export const SHOPIFY_RETRY_DELAYS_MS = [
  10_000, 30_000, 120_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
];
export const DELIVERY_TIMEOUT_MS = 5_000;
const HISTORY_LIMIT = 500;

const defaultTransport: WebhookTransport = (request) => fetch(request);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The REST-shaped body Shopify sends for a store change, by the changed record's type. */
export function payloadFor(event: StoreEvent): unknown {
  const record: unknown = event.record;
  if (isOrder(record)) return restOrder(record);
  if (isBulkSummary(record)) return bulkOperationFinishPayload(record);
  if (isTyped<RefundRecord>(record, "Refund")) return restRefund(record);
  if (isTyped<OrderEditEvent>(record, "OrderEditEvent"))
    return restOrderEdit(record.edit, record.addedLineItemIds, record.committedAt);
  if (isTyped<FulfillmentOrderEvent>(record, "FulfillmentOrderEvent"))
    return restFulfillmentOrderHold(record);
  throw new Error(`No webhook payload for ${event.record.__typename}`);
}

function isTyped<T extends { __typename: string }>(
  value: unknown,
  typename: T["__typename"],
): value is T {
  return (
    typeof value === "object" &&
    value !== null &&
    "__typename" in value &&
    value.__typename === typename
  );
}

function isOrder(value: unknown): value is Parameters<typeof restOrder>[0] {
  return (
    typeof value === "object" &&
    value !== null &&
    "__typename" in value &&
    value.__typename === "Order"
  );
}

function isBulkSummary(value: unknown): value is BulkOperationSummary {
  return (
    typeof value === "object" &&
    value !== null &&
    "__typename" in value &&
    value.__typename === "BulkOperation"
  );
}

export class WebhookDispatcher {
  private settings: WebhookSettings;
  private readonly history: Delivery[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly drops = new Map<string, number>();

  constructor(
    private readonly app: { apiSecret: string; appUrl: string },
    settings: Partial<WebhookSettings> = {},
  ) {
    this.settings = {
      subscriptions: [],
      transport: defaultTransport,
      retryDelaysMs: SHOPIFY_RETRY_DELAYS_MS,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      ...settings,
    };
  }

  configure(settings: Partial<WebhookSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }

  /** Delivers the store's changes from now on; returns a function that stops it. */
  watch(store: ShopStore): () => void {
    const shop = store.shop.myshopifyDomain;
    return store.onChange((event) => {
      this.send(shop, event.topic, payloadFor(event), {
        eventId: event.eventId,
        triggeredAt: event.triggeredAt,
      });
    });
  }

  /** The next `count` events of the shop are recorded as dropped and never sent (a lost webhook). */
  dropNext(shop: string, count: number): void {
    this.drops.set(shop, (this.drops.get(shop) ?? 0) + count);
  }

  /** One delivery per subscription of the topic; `event` ties it to the action's other deliveries. */
  send(
    shop: string,
    topic: string,
    payload: unknown,
    event: { eventId: string; triggeredAt: Date } = {
      eventId: randomUUID(),
      triggeredAt: new Date(),
    },
  ): Delivery[] {
    const urls = this.settings.subscriptions
      .filter((s) => s.topics.includes(topic))
      .map((s) => new URL(s.uri, this.app.appUrl).toString());
    return urls.map((url) => {
      const pendingDrops = this.drops.get(shop) ?? 0;
      const delivery: Delivery = {
        webhookId: randomUUID(),
        ...event,
        shop,
        topic,
        url,
        payload,
        forged: false,
        outcome: pendingDrops > 0 ? "dropped" : "pending",
        attempts: [],
      };
      if (pendingDrops > 0) this.drops.set(shop, pendingDrops - 1);
      this.remember(delivery);
      if (delivery.outcome === "pending") this.track(this.deliver(delivery, this.app.apiSecret));
      return delivery;
    });
  }

  /** Sends the shop's last delivery again, same webhook id, event id and body, as Shopify's retries do. */
  redeliverLast(shop: string): Delivery | undefined {
    const last = [...this.history].reverse().find((d) => d.shop === shop && !d.forged);
    if (!last) return undefined;
    const again: Delivery = { ...last, outcome: "pending", attempts: [] };
    this.remember(again);
    this.track(this.deliver(again, this.app.apiSecret));
    return again;
  }

  /** A delivery signed with the wrong secret: what an attacker posting to the app would send. */
  forge(shop: string, topic: string, payload: unknown): Delivery[] {
    const urls = this.settings.subscriptions
      .filter((s) => s.topics.includes(topic))
      .map((s) => new URL(s.uri, this.app.appUrl).toString());
    return urls.map((url) => {
      const delivery: Delivery = {
        webhookId: randomUUID(),
        eventId: randomUUID(),
        triggeredAt: new Date(),
        shop,
        topic,
        url,
        payload,
        forged: true,
        outcome: "pending",
        attempts: [],
      };
      this.remember(delivery);
      // A forger does not retry.
      this.track(
        this.attempt(delivery, `forged-${randomUUID()}`).then((ok) => {
          delivery.outcome = ok ? "delivered" : "failed";
        }),
      );
      return delivery;
    });
  }

  deliveries(shop?: string): readonly Delivery[] {
    return shop ? this.history.filter((d) => d.shop === shop) : this.history;
  }

  /** Resolves once nothing is being delivered or waiting for a retry. */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private remember(delivery: Delivery): void {
    this.history.push(delivery);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async deliver(delivery: Delivery, secret: string): Promise<void> {
    const delays = this.settings.retryDelaysMs;
    for (let tryIndex = 0; tryIndex <= delays.length; tryIndex++) {
      if (tryIndex > 0) await sleep(delays[tryIndex - 1] ?? 0);
      if (await this.attempt(delivery, secret)) {
        delivery.outcome = "delivered";
        return;
      }
    }
    delivery.outcome = "failed";
  }

  private async attempt(delivery: Delivery, secret: string): Promise<boolean> {
    const request = signedWebhookRequest({
      url: delivery.url,
      topic: delivery.topic,
      shop: delivery.shop,
      payload: delivery.payload,
      apiSecret: secret,
      webhookId: delivery.webhookId,
      eventId: delivery.eventId,
      triggeredAt: delivery.triggeredAt,
    });
    const at = new Date().toISOString();
    try {
      const response = await withTimeout(this.settings.transport(request), this.settings.timeoutMs);
      delivery.attempts.push({ at, status: response.status });
      return response.status >= 200 && response.status < 300;
    } catch (error) {
      delivery.attempts.push({
        at,
        status: null,
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  }
}
