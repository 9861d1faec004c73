// Runs the stand-in script in a vm with a minimal fake browser: the browser is outside the project,
// so it is the one thing faked here. The script itself runs unchanged.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { appBridgeStandInScript } from "./app-bridge-standin";
import { mintSessionToken } from "./session-token";

const shop = "oak-and-hide.myshopify.com";
const apiKey = "key-123";
const apiSecret = "secret-456";
const adminOrigin = "http://127.0.0.1:4100";
const appOrigin = "https://delay-desk.test";

interface FakeElement {
  textContent: string;
  style: { cssText: string; display?: string };
  attributes: Record<string, string>;
  parentNode: { removeChild(child: FakeElement): void } | null;
  setAttribute(name: string, value: string): void;
}

interface Shopify {
  config: Record<string, string>;
  idToken(): Promise<string>;
  toast: { show(message: string): string };
  loading(on: boolean): void;
  resourcePicker(options: {
    type: string;
    action?: string;
    multiple?: boolean;
    selectionIds?: { id: string }[];
  }): Promise<({ id: string; title: string }[] & { selection?: unknown }) | undefined>;
}

function loadStandIn(options: { idTokenInUrl?: string; topLevel?: boolean } = {}) {
  const listeners: ((event: { data: unknown; origin: string }) => void)[] = [];
  const posted: {
    message: { type: string; requestId: string; options?: unknown };
    targetOrigin: string;
  }[] = [];
  const fetches: { url: string; headers: Headers }[] = [];
  const body: FakeElement[] = [];
  const clickListeners: ((event: FakeClick) => void)[] = [];
  const opened: { url: string; target: string }[] = [];
  const search = new URLSearchParams({ embedded: "1", shop, locale: "en", host: "aG9zdA" });
  if (options.idTokenInUrl) search.set("id_token", options.idTokenInUrl);

  const sandbox: Record<string, unknown> = {
    URL,
    URLSearchParams,
    Headers,
    Request,
    atob,
    setTimeout,
    clearTimeout,
    location: { href: `${appOrigin}/app?${search}`, origin: appOrigin, search: `?${search}` },
    addEventListener: (
      type: string,
      listener: (event: { data: unknown; origin: string }) => void,
    ) => {
      if (type === "message") listeners.push(listener);
    },
    fetch: (input: string | URL | Request, init?: RequestInit) => {
      const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
      fetches.push({ url, headers: new Headers(init?.headers) });
      const idToken = mintSessionToken({ shop, apiKey, apiSecret, userId: 2 });
      return Promise.resolve(new Response(JSON.stringify({ idToken }), { status: 200 }));
    },
    // The nav-menu mirroring needs these; its behaviour is covered in a real browser (tests/e2e/admin-nav.spec.ts).
    MutationObserver: class {
      observe() {}
    },
    open: (url: string, target: string) => opened.push({ url, target }),
    document: {
      addEventListener: (type: string, listener: (event: FakeClick) => void) => {
        if (type === "click") clickListeners.push(listener);
      },
      querySelectorAll: () => [],
      currentScript: {
        src: `${adminOrigin}/cdn/app-bridge.js`,
        getAttribute: (name: string) => (name === "data-api-key" ? apiKey : null),
      },
      createElement: (): FakeElement => {
        const element: FakeElement = {
          textContent: "",
          style: { cssText: "" },
          attributes: {},
          parentNode: null,
          setAttribute(name, value) {
            element.attributes[name] = value;
          },
        };
        return element;
      },
      body: {
        appendChild(element: FakeElement) {
          element.parentNode = { removeChild: (child) => body.splice(body.indexOf(child), 1) };
          body.push(element);
        },
      },
    },
  };
  sandbox.window = sandbox;
  sandbox.parent = options.topLevel
    ? sandbox
    : {
        postMessage: (
          message: { type: string; requestId: string; options?: unknown },
          targetOrigin: string,
        ) => posted.push({ message, targetOrigin }),
      };
  vm.runInNewContext(appBridgeStandInScript(), sandbox);
  const shopify = sandbox.shopify as Shopify;
  const windowFetch = sandbox.fetch as (input: string, init?: RequestInit) => Promise<Response>;
  const dispatch = (data: unknown, origin: string) =>
    listeners.forEach((listener) => listener({ data, origin }));
  // A click on an anchor with this href, as the browser delivers it; true when the stand-in
  // took it over (prevented the browser's own navigation).
  const click = (href: string) => {
    let prevented = false;
    const anchor = { getAttribute: (name: string) => (name === "href" ? href : null) };
    const event: FakeClick = {
      target: { closest: (selector: string) => (selector === "a[href]" ? anchor : null) },
      preventDefault: () => {
        prevented = true;
      },
    };
    clickListeners.forEach((listener) => listener(event));
    return prevented;
  };
  return { shopify, windowFetch, posted, fetches, body, dispatch, click, opened };
}

interface FakeClick {
  target: { closest(selector: string): { getAttribute(name: string): string | null } | null };
  preventDefault(): void;
}

describe("App Bridge stand-in", () => {
  it("asks the admin frame to draw the resource picker and resolves to the picked records (also as `selection`), or to undefined on Cancel, from the admin's origin only", async () => {
    const { shopify, posted, dispatch } = loadStandIn();
    const picking = shopify.resourcePicker({
      type: "collection",
      action: "select",
      selectionIds: [{ id: "gid://shopify/Collection/41" }],
    });
    const request = posted.at(-1);
    expect(request?.targetOrigin).toBe(adminOrigin);
    expect(request?.message).toMatchObject({
      type: "delay-desk:resource-picker",
      options: {
        type: "collection",
        action: "select",
        multiple: false,
        selectionIds: ["gid://shopify/Collection/41"],
      },
    });
    const requestId = request?.message.requestId;
    const wallets = { id: "gid://shopify/Collection/41", title: "Wallets" };
    dispatch(
      {
        type: "delay-desk:resource-picker-result",
        requestId,
        selection: [{ id: "x", title: "Forged" }],
      },
      "https://evil.test",
    );
    dispatch(
      { type: "delay-desk:resource-picker-result", requestId, selection: [wallets] },
      adminOrigin,
    );
    const picked = await picking;
    expect(picked ? [...picked] : picked).toEqual([wallets]);
    expect(picked?.selection).toBe(picked);

    const cancelled = shopify.resourcePicker({ type: "collection" });
    dispatch(
      {
        type: "delay-desk:resource-picker-result",
        requestId: posted.at(-1)?.message.requestId,
        selection: null,
      },
      adminOrigin,
    );
    await expect(cancelled).resolves.toBeUndefined();
  });

  it("opens the simulated admin's page in the top window for shopify://admin and shopify:admin links, and leaves other links to the browser", () => {
    // Both spellings are Shopify's: https://shopify.dev/docs/api/app-home/apis/navigation
    // ("shopify://admin/orders/456") and the app home extension docs ("shopify:admin/products/1").
    const { click, opened } = loadStandIn();
    expect(click("shopify://admin/orders/5500000001")).toBe(true);
    expect(click("shopify:admin/products/42")).toBe(true);
    expect(click("/app/orders/5500000001")).toBe(false);
    expect(click("https://example.com/")).toBe(false);
    expect(opened).toEqual([
      { url: `${adminOrigin}/${shop}/admin/orders/5500000001`, target: "_top" },
      { url: `${adminOrigin}/${shop}/admin/products/42`, target: "_top" },
    ]);
  });

  it("defines window.shopify.config from the script tag and the URL", () => {
    const { shopify } = loadStandIn();
    expect({ ...shopify.config }).toEqual({ apiKey, shop, locale: "en", host: "aG9zdA" });
  });

  it("uses a fresh id_token from the URL without asking admin", async () => {
    const token = mintSessionToken({ shop, apiKey, apiSecret, userId: 1 });
    const { shopify, posted } = loadStandIn({ idTokenInUrl: token });
    await expect(shopify.idToken()).resolves.toBe(token);
    expect(posted).toHaveLength(0);
  });

  it("asks the admin frame for a token near expiry, ignores other origins, then caches the answer", async () => {
    const stale = mintSessionToken({
      shop,
      apiKey,
      apiSecret,
      userId: 1,
      now: new Date(Date.now() - 55_000),
    });
    const { shopify, posted, dispatch } = loadStandIn({ idTokenInUrl: stale });
    const pending = shopify.idToken();
    expect(posted).toHaveLength(1);
    const request = posted[0];
    if (!request) throw new Error("no request");
    expect(request.message.type).toBe("delay-desk:id-token-request");
    expect(request.targetOrigin).toBe(adminOrigin);

    const fresh = mintSessionToken({ shop, apiKey, apiSecret, userId: 1 });
    dispatch(
      { type: "delay-desk:id-token", requestId: request.message.requestId, idToken: "forged" },
      "https://evil.test",
    );
    dispatch(
      { type: "delay-desk:id-token", requestId: request.message.requestId, idToken: fresh },
      adminOrigin,
    );
    await expect(pending).resolves.toBe(fresh);
    await expect(shopify.idToken()).resolves.toBe(fresh);
    expect(posted).toHaveLength(1);
  });

  it("adds the bearer token to same-origin fetches only, and keeps an explicit Authorization", async () => {
    const token = mintSessionToken({ shop, apiKey, apiSecret, userId: 1 });
    const { windowFetch, fetches } = loadStandIn({ idTokenInUrl: token });
    await windowFetch("/app/orders.json", { headers: { Accept: "application/json" } });
    await windowFetch(`${appOrigin}/app/x`);
    await windowFetch("https://elsewhere.test/api");
    await windowFetch("/app/y", { headers: { Authorization: "Bearer mine" } });
    expect(fetches.map((f) => [f.url, f.headers.get("authorization")])).toEqual([
      ["/app/orders.json", `Bearer ${token}`],
      [`${appOrigin}/app/x`, `Bearer ${token}`],
      ["https://elsewhere.test/api", null],
      ["/app/y", "Bearer mine"],
    ]);
    expect(fetches[0]?.headers.get("accept")).toBe("application/json");
  });

  it("opened top-level, gets its token from the simulator", async () => {
    const { shopify, fetches } = loadStandIn({ topLevel: true });
    const token = await shopify.idToken();
    expect(fetches[0]?.url).toBe(`${adminOrigin}/${shop}/admin/session-token`);
    expect(token.split(".")).toHaveLength(3);
  });

  it("shows a toast and a loading bar in the page", () => {
    const { shopify, body } = loadStandIn();
    shopify.toast.show("Delay notice sent");
    expect(body.map((element) => element.textContent)).toContain("Delay notice sent");
    shopify.loading(true);
    expect(body.some((element) => "data-app-bridge-loading" in element.attributes)).toBe(true);
    shopify.loading(false);
    expect(body.some((element) => "data-app-bridge-loading" in element.attributes)).toBe(false);
  });
});
