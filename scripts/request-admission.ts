// Admission control in front of Remix (docs/decisions/016-admission-control.md): at most `limit`
// requests are worked on at once in a process; the rest wait in arrival order with nothing done
// for them yet (no body read, no session, no query: a parked socket), and one that waited
// `maxWaitMs` gets 503 with Retry-After. The health routes are mounted before this and bypass it.
//
// Why: node:sqlite is synchronous, so every query runs on the event loop; a hundred concurrent
// requests each with ready work queue it all ahead of a liveness probe (the load bench's SQLite
// instance: 266 of 435 /healthz probes past 5 s). Bounding the work in hand bounds how long one
// turn of the loop can take. A 503 loses nothing: Shopify counts any non-2xx, or no answer within
// 5 s, as a failed delivery and retries it, 8 times over 4 hours
// (https://shopify.dev/docs/apps/build/webhooks/subscribe/https,
// https://shopify.dev/changelog/updates-to-webhook-retry-mechanism), and a webhook answered 200
// has already stored its receipt (app/webhooks/order-webhooks.server.ts).
import type { RequestHandler } from "express";

/** Requests worked on at once per process unless MAX_CONCURRENT_REQUESTS says otherwise. */
export const DEFAULT_CONCURRENT_REQUESTS = 10;
/**
 * How long a request may wait for its turn (REQUEST_QUEUE_TIMEOUT_MS) before it is answered 503:
 * under Shopify's 5 s delivery timeout, so the retry is asked for before Shopify gives up on it.
 */
export const DEFAULT_QUEUE_TIMEOUT_MS = 3_000;
/** Seconds a refused client is told to wait (Retry-After). */
const RETRY_AFTER_S = 5;

export interface AdmissionOptions {
  limit: number;
  maxWaitMs: number;
}

export interface AdmissionLoad {
  /** Requests being worked on now. */
  working: number;
  /** Requests waiting for their turn. */
  waiting: number;
}

export interface Admission {
  middleware: RequestHandler;
  load(): AdmissionLoad;
}

type Env = Record<string, string | undefined>;

function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, got "${raw}"`);
  return value;
}

export function admissionOptionsFromEnv(env: Env = process.env): AdmissionOptions {
  return {
    limit: positiveInteger(env, "MAX_CONCURRENT_REQUESTS", DEFAULT_CONCURRENT_REQUESTS),
    maxWaitMs: positiveInteger(env, "REQUEST_QUEUE_TIMEOUT_MS", DEFAULT_QUEUE_TIMEOUT_MS),
  };
}

export function createAdmission({ limit, maxWaitMs }: AdmissionOptions): Admission {
  let working = 0;
  // FIFO of requests waiting for a slot; each entry starts its request when called.
  const waiting: Array<() => void> = [];

  const release = () => {
    working -= 1;
    const next = waiting.shift();
    if (next) next();
  };

  const middleware: RequestHandler = (_request, response, next) => {
    const start = () => {
      working += 1;
      // 'close' comes once the response is sent or the client went away, whichever is first.
      response.once("close", release);
      next();
    };
    if (working < limit) return start();

    const leave = () => {
      const index = waiting.indexOf(admit);
      if (index >= 0) waiting.splice(index, 1);
      clearTimeout(timer);
      response.off("close", leave);
    };
    const admit = () => {
      leave();
      start();
    };
    const timer = setTimeout(() => {
      leave();
      response
        .status(503)
        .set({ "retry-after": String(RETRY_AFTER_S), "cache-control": "no-store" })
        .type("text/plain")
        .send("Busy: try again shortly.");
    }, maxWaitMs);
    // A client that hangs up while waiting costs nothing more (Shopify retries a delivery it timed
    // out). The response's 'close', not the request's: an unread request body never ends.
    response.once("close", leave);
    waiting.push(admit);
  };

  return { middleware, load: () => ({ working, waiting: waiting.length }) };
}
