// Admission control (scripts/request-admission.ts) on a real HTTP server: at most `limit`
// requests reach the app at once, the rest start in arrival order as slots free, one that waited
// too long is answered 503 with Retry-After before the app saw it (Shopify retries a delivery
// that got no 2xx: https://shopify.dev/docs/apps/build/webhooks/subscribe/https), and a client
// that hangs up while waiting gives its place up.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { admissionOptionsFromEnv, createAdmission, type Admission } from "./request-admission";

let server: Server | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** An app whose requests `/work?id=…` finish only when the test releases them. */
async function serve(admission: Admission) {
  const started: string[] = [];
  const releases = new Map<string, () => void>();
  const app = express();
  app.get("/work", admission.middleware, (request, response) => {
    const id = String(request.query.id);
    started.push(id);
    releases.set(id, () => response.send(`done ${id}`));
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  return {
    started,
    send: (id: string, signal?: AbortSignal) => fetch(`${origin}/work?id=${id}`, { signal }),
    release: (id: string) => releases.get(id)?.(),
    until,
  };
}

describe("admission control", () => {
  it("works on at most `limit` requests at once and starts the waiting ones in arrival order", async () => {
    const admission = createAdmission({ limit: 2, maxWaitMs: 10_000 });
    const app = await serve(admission);
    const answers = ["a", "b", "c", "d", "e"].map((id) => app.send(id));
    await app.until(() => admission.load().waiting === 3);
    expect(app.started).toEqual(["a", "b"]);
    expect(admission.load()).toEqual({ working: 2, waiting: 3 });

    app.release("b");
    await app.until(() => app.started.length === 3);
    app.release("a");
    await app.until(() => app.started.length === 4);
    expect(app.started).toEqual(["a", "b", "c", "d"]);
    for (const id of ["c", "d"]) app.release(id);
    await app.until(() => app.started.length === 5);
    app.release("e");

    const bodies = await Promise.all(
      answers.map(async (answer) => {
        const response = await answer;
        return `${response.status} ${await response.text()}`;
      }),
    );
    expect(bodies).toEqual(["a", "b", "c", "d", "e"].map((id) => `200 done ${id}`));
    expect(admission.load()).toEqual({ working: 0, waiting: 0 });
  });

  it("answers 503 with Retry-After to a request that waited past maxWaitMs, without the app seeing it", async () => {
    const admission = createAdmission({ limit: 1, maxWaitMs: 200 });
    const app = await serve(admission);
    const first = app.send("first");
    await app.until(() => app.started.length === 1);
    const late = await app.send("late");
    expect(late.status).toBe(503);
    expect(late.headers.get("retry-after")).toBe("5");
    expect(app.started).toEqual(["first"]);
    expect(admission.load()).toEqual({ working: 1, waiting: 0 });
    app.release("first");
    expect((await first).status).toBe(200);
  });

  it("drops a waiting request whose client hung up, and starts the next one instead", async () => {
    const admission = createAdmission({ limit: 1, maxWaitMs: 10_000 });
    const app = await serve(admission);
    const first = app.send("first");
    await app.until(() => app.started.length === 1);
    const gone = new AbortController();
    const abandoned = app.send("gone", gone.signal).catch(() => "aborted");
    const next = app.send("next");
    await app.until(() => admission.load().waiting === 2);
    gone.abort();
    expect(await abandoned).toBe("aborted");
    await app.until(() => admission.load().waiting === 1);
    app.release("first");
    await app.until(() => app.started.length === 2);
    expect(app.started).toEqual(["first", "next"]);
    app.release("next");
    expect((await first).status).toBe(200);
    expect((await next).status).toBe(200);
  });

  it("reads its bounds from MAX_CONCURRENT_REQUESTS and REQUEST_QUEUE_TIMEOUT_MS, and names a bad one", () => {
    expect(admissionOptionsFromEnv({})).toEqual({ limit: 10, maxWaitMs: 3_000 });
    expect(
      admissionOptionsFromEnv({ MAX_CONCURRENT_REQUESTS: "4", REQUEST_QUEUE_TIMEOUT_MS: "900" }),
    ).toEqual({ limit: 4, maxWaitMs: 900 });
    expect(() => admissionOptionsFromEnv({ MAX_CONCURRENT_REQUESTS: "0" })).toThrow(
      /MAX_CONCURRENT_REQUESTS must be a whole number/,
    );
  });
});
