// The app's webhook subscriptions, read from its shopify.app.toml, so the simulator delivers exactly
// what Shopify would deliver for that configuration (compliance topics are not event-driven here).
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";
import type { WebhookSubscription } from "./dispatcher";

const tomlSchema = z.object({
  webhooks: z.object({
    subscriptions: z
      .array(z.object({ topics: z.array(z.string()).optional(), uri: z.string() }))
      .default([]),
  }),
});

export function subscriptionsFromToml(text: string): WebhookSubscription[] {
  return tomlSchema
    .parse(parse(text))
    .webhooks.subscriptions.flatMap((s) =>
      s.topics && s.topics.length > 0 ? [{ topics: s.topics, uri: s.uri }] : [],
    );
}

export function subscriptionsFromTomlFile(file: string): WebhookSubscription[] {
  return subscriptionsFromToml(readFileSync(file, "utf8"));
}
