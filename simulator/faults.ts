// Fault injection: what the network and Shopify's front do to a request now and then, so the app's
// tests can prove its retries. A fault plan lists rules per shop; each rule picks calls of one root
// field (e.g. the 3rd and 7th refundCreate) deterministically and does one thing to them:
//   http            answer a 5xx before anything runs;
//   timeout-before  hang for `ms`, then destroy the socket; nothing ran;
//   timeout-after   run the request (the mutation takes effect), hang for `ms`, destroy the socket;
//   drop            run the request, then destroy the socket at once, with no response;
//   slow            run the request and answer it as usual, but only after `ms` (a shop whose
//                   answer takes seconds, e.g. ordersCount with limit: null over 100k orders).
// Set through startSimulator({ faults }), `sim.faults`, or /<shop>/simulator/faults, which is NOT a
// Shopify route.
import type { OperationDefinitionNode } from "graphql";
import { z } from "zod";
import { Random } from "./random";

const whenSchema = z.union([
  z.object({ calls: z.array(z.number().int().min(1)).min(1) }).strict(),
  z.object({ every: z.number().int().min(1), offset: z.number().int().min(0).default(0) }).strict(),
  z.object({ probability: z.number().min(0).max(1), seed: z.number().int() }).strict(),
]);

export const faultRuleSchema = z.object({
  /** A root field name: "refundCreate", "orderCancel", "orders", … */
  field: z.string().min(1),
  kind: z.enum(["http", "timeout-before", "timeout-after", "drop", "slow"]),
  /** Which calls of `field` (counted per shop from 1, every attempt counts): listed, every Nth, or seeded chance. */
  when: whenSchema,
  /** For http; default 503. */
  status: z.number().int().min(500).max(599).default(503),
  /** For the timeouts: how long the request hangs before its socket is destroyed; for slow: before it is answered. Default 1000. */
  ms: z.number().int().min(0).max(600_000).default(1000),
});
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultRule = z.output<typeof faultRuleSchema>;

export interface InjectedFault {
  field: string;
  call: number;
  kind: FaultRule["kind"];
  /** Whether the request was executed (its mutation took effect) before the fault. */
  executed: boolean;
}

export interface FaultReply {
  status: number;
  body: string;
  headers: Record<string, string>;
  /** Destroy the socket after this many ms instead of answering. */
  abortAfterMs?: number;
}

/** What a fault does to a request that passed validation and the rate limit. */
export interface Fault {
  rule: FaultRule;
  /** Answer this instead of running the request. */
  before?: FaultReply;
  /** Run the request, then destroy the socket after this many ms instead of answering. */
  abortAfterMs?: number;
  /** Run the request, then answer it after this many ms. */
  answerAfterMs?: number;
}

// A fresh draw per (seed, call number): the same plan fails the same calls whatever else happens.
function chance(seed: number, call: number): number {
  return new Random((Math.imul(seed, 1_000_003) + call) | 0).next();
}

function selects(rule: FaultRule, call: number): boolean {
  const when = rule.when;
  if ("calls" in when) return when.calls.includes(call);
  if ("every" in when) return call > when.offset && (call - when.offset) % when.every === 0;
  return chance(when.seed, call) < when.probability;
}

export function rootFieldNames(operation: OperationDefinitionNode): string[] {
  return operation.selectionSet.selections.flatMap((selection) =>
    selection.kind === "Field" ? [selection.name.value] : [],
  );
}

export class FaultInjector {
  private readonly rules = new Map<string, FaultRule[]>();
  private readonly calls = new Map<string, Map<string, number>>();
  private readonly injected = new Map<string, InjectedFault[]>();

  constructor(plan: Record<string, FaultRuleInput[]> = {}) {
    for (const [shop, rules] of Object.entries(plan)) this.set(shop, rules);
  }

  /** Replaces the shop's plan and restarts its call counts and log. */
  set(shop: string, rules: readonly FaultRuleInput[]): FaultRule[] {
    const parsed = z.array(faultRuleSchema).parse(rules);
    this.rules.set(shop.toLowerCase(), parsed);
    this.calls.delete(shop.toLowerCase());
    this.injected.delete(shop.toLowerCase());
    return parsed;
  }

  clear(shop: string): void {
    this.set(shop, []);
  }

  plan(shop: string): {
    rules: FaultRule[];
    calls: Record<string, number>;
    injected: InjectedFault[];
  } {
    const key = shop.toLowerCase();
    return {
      rules: this.rules.get(key) ?? [],
      calls: Object.fromEntries(this.calls.get(key) ?? []),
      injected: this.injected.get(key) ?? [],
    };
  }

  /** Counts this request's root fields and returns the fault to apply to it, if any. */
  next(shop: string, operation: OperationDefinitionNode): Fault | undefined {
    const key = shop.toLowerCase();
    const rules = this.rules.get(key) ?? [];
    let counts = this.calls.get(key);
    if (!counts) {
      counts = new Map();
      this.calls.set(key, counts);
    }
    let chosen: { rule: FaultRule; call: number } | undefined;
    for (const field of new Set(rootFieldNames(operation))) {
      const call = (counts.get(field) ?? 0) + 1;
      counts.set(field, call);
      const rule = rules.find((candidate) => candidate.field === field && selects(candidate, call));
      if (rule && !chosen) chosen = { rule, call };
    }
    if (!chosen) return undefined;
    const { rule, call } = chosen;
    const executed = rule.kind === "timeout-after" || rule.kind === "drop" || rule.kind === "slow";
    const log = this.injected.get(key) ?? [];
    log.push({ field: rule.field, call, kind: rule.kind, executed });
    this.injected.set(key, log);
    switch (rule.kind) {
      case "http":
        return {
          rule,
          before: {
            status: rule.status,
            body: JSON.stringify({ errors: "Service Unavailable (injected by the simulator)" }),
            headers: { "Content-Type": "application/json; charset=utf-8" },
          },
        };
      case "timeout-before":
        return { rule, before: { status: 0, body: "", headers: {}, abortAfterMs: rule.ms } };
      case "timeout-after":
        return { rule, abortAfterMs: rule.ms };
      case "drop":
        return { rule, abortAfterMs: 0 };
      case "slow":
        return { rule, answerAfterMs: rule.ms };
    }
  }
}

const controlBody = z.object({ rules: z.array(faultRuleSchema) });

/** GET / PUT (or POST) / DELETE /<shop>/simulator/faults. */
export function handleFaultControl(
  injector: FaultInjector,
  shop: string,
  method: string,
  body: string,
): FaultReply {
  const reply = (status: number, value: unknown): FaultReply => ({
    status,
    body: JSON.stringify(value),
    headers: { "Content-Type": "application/json; charset=utf-8" },
  });
  if (method === "GET") return reply(200, injector.plan(shop));
  if (method === "DELETE") {
    injector.clear(shop);
    return reply(200, injector.plan(shop));
  }
  if (method === "PUT" || method === "POST") {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return reply(400, { error: "Body must be JSON" });
    }
    const parsed = controlBody.safeParse(json);
    if (!parsed.success)
      return reply(422, {
        error: parsed.error.issues
          .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
          .join("; "),
      });
    injector.set(shop, parsed.data.rules);
    return reply(200, injector.plan(shop));
  }
  return {
    ...reply(405, { error: "Use GET, PUT or DELETE" }),
    headers: { "Content-Type": "application/json; charset=utf-8", Allow: "GET, PUT, POST, DELETE" },
  };
}
