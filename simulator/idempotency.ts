// The @idempotent(key:) directive as Shopify implements it for the mutations that document it
// (refundCreate): from 2026-04 the key is required; a repeated key with the same arguments answers
// the original result (re-read from the current state, as Shopify rebuilds it) without acting
// again; the same key with other arguments is refused. Keys are kept 24 hours, per shop and
// mutation.
import { GraphQLError, getDirectiveValues, type GraphQLResolveInfo } from "graphql";
import { z } from "zod";
import { adminSchema } from "./schema";
import type { ShopStore } from "./store/shop-store";

export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;
export const MISSING_IDEMPOTENCY_KEY_MESSAGE =
  "The @idempotent directive is required for this mutation but was not provided.";
export const KEY_PARAMETER_MISMATCH_MESSAGE =
  "The same idempotency key cannot be used with different operation parameters.";

interface Entry<R> {
  fingerprint: string;
  result: R;
  at: number;
}

const keyArgs = z.object({ key: z.string() });

/** The key from `@idempotent(key:)` on this field, variables resolved; undefined when absent. */
export function idempotencyKey(info: GraphQLResolveInfo): string | undefined {
  const directive = adminSchema().getDirective("idempotent");
  const node = info.fieldNodes[0];
  if (!directive || !node) return undefined;
  const values = getDirectiveValues(directive, node, info.variableValues);
  return values ? keyArgs.parse(values).key : undefined;
}

/** Stable JSON of the arguments: object keys sorted, so their order does not matter. */
export function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${fingerprint(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export type IdempotentOutcome<R> =
  | { kind: "ran"; result: R }
  | { kind: "replayed"; result: R }
  | { kind: "mismatch" };

/** One mutation's remembered results, per shop. */
export class IdempotencyRegistry<R> {
  private readonly byStore = new WeakMap<ShopStore, Map<string, Entry<R>>>();

  /**
   * Runs `run` once per key. A missing or blank key throws the GraphQL error Shopify answers
   * (code BAD_REQUEST, so the whole field is null and nothing happened).
   */
  run(
    store: ShopStore,
    info: GraphQLResolveInfo,
    args: unknown,
    run: () => R,
    now = Date.now(),
  ): IdempotentOutcome<R> {
    const key = idempotencyKey(info);
    if (key === undefined)
      throw new GraphQLError(MISSING_IDEMPOTENCY_KEY_MESSAGE, {
        extensions: { code: "BAD_REQUEST" },
      });
    if (key.trim() === "")
      throw new GraphQLError("The idempotency key cannot be an empty string or whitespace only.", {
        extensions: { code: "BAD_REQUEST" },
      });
    let registry = this.byStore.get(store);
    if (!registry) {
      registry = new Map();
      this.byStore.set(store, registry);
    }
    const print = fingerprint(args);
    const existing = registry.get(key);
    if (existing && now - existing.at < IDEMPOTENCY_RETENTION_MS) {
      return existing.fingerprint === print
        ? { kind: "replayed", result: existing.result }
        : { kind: "mismatch" };
    }
    const result = run();
    registry.set(key, { fingerprint: print, result, at: now });
    return { kind: "ran", result };
  }
}
