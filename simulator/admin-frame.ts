// The simulated Shopify admin page that embeds the app: a top bar, a left nav, and an iframe of
// the app loaded exactly as admin loads it (embedded=1, shop, host, id_token, locale, timestamp,
// hmac). It also answers the App Bridge stand-in's token requests, which is admin's job too.
import { createHmac } from "node:crypto";

/**
 * Shopify's admin HMAC over a query: keys sorted, form-encoded with %20 for spaces, hex
 * HMAC-SHA256 with the app secret, hmac itself left out. Matches the library's validateHmac.
 */
export function signAdminQuery(params: Record<string, string>, apiSecret: string): string {
  const sorted = new URLSearchParams();
  for (const key of Object.keys(params).sort((a, b) => a.localeCompare(b))) {
    if (key === "hmac" || key === "signature") continue;
    sorted.append(key, params[key] ?? "");
  }
  return createHmac("sha256", apiSecret)
    .update(sorted.toString().replace(/\+/g, "%20"))
    .digest("hex");
}

export function shopHandle(shop: string): string {
  return shop.replace(/\.myshopify\.com$/, "");
}

// Standard base64 without padding, as admin sends it: the library's sanitizeHost only accepts the
// standard alphabet, so base64url's '-' and '_' would make it refuse the host.
export function hostParam(shop: string): string {
  return Buffer.from(`admin.shopify.com/store/${shopHandle(shop)}`)
    .toString("base64")
    .replace(/=+$/, "");
}

export interface EmbeddedAppUrlOptions {
  appUrl: string;
  shop: string;
  apiSecret: string;
  idToken: string;
  now?: Date;
  path?: string;
  /**
   * The app's own query from the admin URL (…/apps/<app>/app/remedies?remedy=…): admin loads the
   * app's frame with it, beside admin's parameters, and signs them all.
   */
  query?: Readonly<Record<string, string>>;
}

export function embeddedAppUrl(options: EmbeddedAppUrlOptions): string {
  const params: Record<string, string> = {
    ...options.query,
    embedded: "1",
    host: hostParam(options.shop),
    id_token: options.idToken,
    locale: "en",
    shop: options.shop,
    timestamp: String(Math.floor((options.now ?? new Date()).getTime() / 1000)),
  };
  const hmac = signAdminQuery(params, options.apiSecret);
  const url = new URL(options.path ?? "/app", options.appUrl);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  url.searchParams.set("hmac", hmac);
  return url.toString();
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

// A JSON literal safe inside <script>: no "</script>" or HTML comment can close the element early.
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

export interface AdminFramePageOptions {
  shop: string;
  shopName: string;
  appName?: string;
  staffName: string;
  userId: number;
  appFrameUrl: string;
  appOrigin: string;
  /** Same-origin path the page POSTs to for a fresh session token. */
  sessionTokenPath: string;
  /** Same-origin path listing what the resource picker offers (resource-picker.ts). */
  resourcePickerPath?: string;
  /** The shop's demo storefront, linked as "Online Store". */
  storefrontUrl?: string;
  /**
   * The shop's staff, for the demo's user switch (not in Shopify's admin: there a different staff
   * member logs in). Each link opens this page as that member, so App Bridge's session tokens,
   * and the online tokens exchanged for them, are theirs.
   */
  staff?: ReadonlyArray<{ id: number; name: string; title: string; href: string }>;
}

export function renderAdminFramePage(options: AdminFramePageOptions): string {
  const appName = options.appName ?? "Delay Desk";
  const config = {
    appOrigin: options.appOrigin,
    sessionTokenPath: options.sessionTokenPath,
    resourcePickerPath: options.resourcePickerPath ?? "",
    userId: options.userId,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(appName)} · ${escapeHtml(options.shopName)} · Shopify (simulated)</title>
<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 13px/1.4 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; background: #f1f1f1; color: #303030; height: 100vh; display: grid; grid-template-rows: 56px 1fr; }
  .topbar { background: #1a1a1a; color: #e3e3e3; display: flex; align-items: center; gap: 16px; padding: 0 16px; }
  .topbar .logo { font-weight: 700; color: #fff; }
  .topbar .search { flex: 1; max-width: 480px; margin: 0 auto; background: #303030; border-radius: 8px; padding: 6px 12px; color: #8a8a8a; }
  .topbar .account { display: flex; align-items: center; gap: 8px; }
  .topbar .switch { font-size: 12px; color: #b5b5b5; }
  .topbar .switch a { color: #e3e3e3; }
  .topbar .badge { background: #36fba1; color: #1a1a1a; border-radius: 6px; padding: 2px 6px; font-weight: 600; }
  .main { display: grid; grid-template-columns: 240px 1fr; min-height: 0; }
  nav { background: #ebebeb; padding: 12px 8px; }
  nav a { display: block; padding: 6px 8px; border-radius: 8px; color: #303030; text-decoration: none; }
  nav .section { margin-top: 16px; padding: 6px 8px; color: #616161; font-size: 12px; font-weight: 600; }
  nav a.active { background: #fafafa; font-weight: 600; }
  #app-nav a { padding-left: 24px; }
  #app-nav a.current { font-weight: 600; }
  iframe { border: 0; width: 100%; height: 100%; background: #fff; }
  .note { position: fixed; bottom: 6px; left: 8px; font-size: 11px; color: #8a8a8a; }
  #save-bar { position: fixed; top: 0; left: 0; right: 0; height: 56px; z-index: 10; display: flex; align-items: center; gap: 8px; padding: 0 16px; background: #1a1a1a; color: #fff; font-weight: 600; }
  #save-bar[hidden], #discard-dialog[hidden] { display: none; }
  #save-bar .spacer { flex: 1; }
  #save-bar button, #discard-dialog button { border-radius: 8px; padding: 6px 12px; border: 1px solid #616161; background: #303030; color: #fff; font: inherit; cursor: pointer; }
  #save-bar button.primary { background: #fff; color: #1a1a1a; }
  #save-bar.shake { animation: shake 0.3s; }
  @keyframes shake { 25% { transform: translateX(-6px); } 75% { transform: translateX(6px); } }
  #discard-dialog { position: fixed; inset: 0; z-index: 11; display: grid; place-items: center; background: rgba(0,0,0,.4); }
  #discard-dialog .box { background: #fff; color: #303030; border-radius: 12px; padding: 16px; max-width: 360px; }
  #discard-dialog .box button { background: #fff; color: #303030; }
  #discard-dialog .box button.critical { background: #c70a24; border-color: #c70a24; color: #fff; }
  #picker-dialog { position: fixed; inset: 0; z-index: 11; display: grid; place-items: center; background: rgba(0,0,0,.4); }
  #picker-dialog[hidden] { display: none; }
  #picker-dialog .box { background: #fff; border-radius: 12px; padding: 16px; width: 420px; max-height: 80vh; display: grid; gap: 8px; grid-template-rows: auto auto 1fr auto; }
  #picker-dialog ul { list-style: none; margin: 0; padding: 0; overflow: auto; }
  #picker-dialog li label { display: flex; gap: 8px; padding: 6px 4px; border-bottom: 1px solid #ebebeb; }
  #picker-dialog .actions { display: flex; justify-content: flex-end; gap: 8px; }
  #picker-dialog button { border-radius: 8px; padding: 6px 12px; border: 1px solid #b5b5b5; background: #fff; font: inherit; cursor: pointer; }
  #picker-dialog button.primary { background: #303030; color: #fff; }
</style>
</head>
<body>
<header class="topbar">
  <span class="logo">shopify</span>
  <span class="search">Search</span>
  <span class="account"><span class="badge">${escapeHtml(shopHandle(options.shop).slice(0, 2).toUpperCase())}</span><span data-testid="shop-name">${escapeHtml(options.shopName)}</span> · <span data-testid="staff-name">${escapeHtml(options.staffName)}</span></span>${
    options.staff && options.staff.length > 1
      ? `
  <span class="switch" data-testid="user-switch">Log in as: ${options.staff
    .map((member) =>
      member.id === options.userId
        ? `<strong>${escapeHtml(member.name)}</strong>`
        : `<a href="${escapeHtml(member.href)}" title="${escapeHtml(member.title)}">${escapeHtml(member.name)}</a>`,
    )
    .join(" · ")}</span>`
      : ""
  }
</header>
<div class="main">
  <nav aria-label="Admin">
    <a href="#">Home</a><a href="#">Orders</a><a href="#">Products</a><a href="#">Customers</a><a href="#">Analytics</a>${options.storefrontUrl ? `<a href="${escapeHtml(options.storefrontUrl)}" target="_blank" rel="noopener">Online Store</a>` : ""}
    <div class="section">Apps</div>
    <a class="active" href="">${escapeHtml(appName)}</a>
    <div id="app-nav" data-testid="app-nav"></div>
  </nav>
  <iframe id="app-frame" name="app-iframe" title="${escapeHtml(appName)}" src="${escapeHtml(options.appFrameUrl)}"></iframe>
</div>
<div class="note">Simulated Shopify admin (Delay Desk simulator)</div>
<div id="save-bar" role="region" aria-label="Unsaved changes" hidden>
  <span>Unsaved changes</span><span class="spacer" role="status" id="save-bar-hint"></span>
  <button type="button" id="save-bar-discard">Discard</button>
  <button type="button" class="primary" id="save-bar-save">Save</button>
</div>
<div id="picker-dialog" role="dialog" aria-modal="true" aria-labelledby="picker-title" hidden>
  <div class="box">
    <strong id="picker-title"></strong>
    <input type="search" id="picker-search" aria-label="Search">
    <ul id="picker-list" aria-label="Results"></ul>
    <div class="actions"><button type="button" id="picker-cancel">Cancel</button><button type="button" class="primary" id="picker-done"></button></div>
  </div>
</div>
<div id="discard-dialog" role="dialog" aria-modal="true" aria-labelledby="discard-title" hidden>
  <div class="box">
    <p id="discard-title"><strong>Discard all unsaved changes?</strong></p>
    <p>If you discard changes, you'll delete any edits you made since you last saved.</p>
    <button type="button" id="discard-keep">Continue editing</button>
    <button type="button" class="critical" id="discard-confirm">Discard changes</button>
  </div>
</div>
<script>
(function () {
  var config = ${scriptJson(config)};
  var frame = document.getElementById("app-frame");
  var appNav = document.getElementById("app-nav");
  // The app's save bar (<form data-save-bar>, drawn here as admin draws it). While it shows, the
  // admin's links do not leave the page: the bar shakes and says why.
  var saveBar = document.getElementById("save-bar");
  var saveBarHint = document.getElementById("save-bar-hint");
  var discardDialog = document.getElementById("discard-dialog");
  var discardConfirmation = false;
  function saveBarAction(action) {
    frame.contentWindow.postMessage({ type: "delay-desk:save-bar-action", action: action }, config.appOrigin);
  }
  function showSaveBar(visible, confirmDiscard) {
    saveBar.hidden = !visible;
    discardConfirmation = confirmDiscard;
    saveBarHint.textContent = "";
    if (!visible) discardDialog.hidden = true;
  }
  function blockedBySaveBar(event) {
    if (saveBar.hidden) return false;
    event.preventDefault();
    event.stopPropagation();
    saveBarHint.textContent = "Save or discard your changes before leaving this page";
    saveBar.classList.remove("shake");
    void saveBar.offsetWidth;
    saveBar.classList.add("shake");
    return true;
  }
  document.getElementById("save-bar-save").addEventListener("click", function () { saveBarAction("save"); });
  document.getElementById("save-bar-discard").addEventListener("click", function () {
    if (discardConfirmation) discardDialog.hidden = false;
    else saveBarAction("discard");
  });
  document.getElementById("discard-keep").addEventListener("click", function () { discardDialog.hidden = true; });
  document.getElementById("discard-confirm").addEventListener("click", function () {
    discardDialog.hidden = true;
    saveBarAction("discard");
  });
  document.querySelector("nav[aria-label=Admin]").addEventListener("click", function (event) {
    if (event.target.closest("a")) blockedBySaveBar(event);
  }, true);
  var userSwitch = document.querySelector("[data-testid=user-switch]");
  if (userSwitch) userSwitch.addEventListener("click", function (event) {
    if (event.target.closest("a")) blockedBySaveBar(event);
  }, true);
  // The app's <ui-nav-menu> links, drawn here under the app's name as Shopify admin does;
  // a click asks the app (through App Bridge) to navigate.
  function drawNav(items) {
    appNav.textContent = "";
    items.forEach(function (item) {
      if (item.home) return;
      var link = document.createElement("a");
      link.href = "#";
      link.textContent = item.label;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        Array.prototype.forEach.call(appNav.children, function (other) { other.classList.remove("current"); });
        link.classList.add("current");
        frame.contentWindow.postMessage({ type: "delay-desk:navigate", href: item.href }, config.appOrigin);
      });
      appNav.appendChild(link);
    });
  }
  // The resource picker (shopify.resourcePicker in the app): a list from the simulator's store,
  // searchable, one or several picked, answered with the picked records or null on Cancel.
  var picker = document.getElementById("picker-dialog");
  var pickerList = document.getElementById("picker-list");
  var pickerSearch = document.getElementById("picker-search");
  var pickerDone = document.getElementById("picker-done");
  var pickerRequest = null;
  var pickerShown = [];
  var pickerChosen = {};
  function pickerLimit() {
    var multiple = pickerRequest.options.multiple;
    return multiple === true ? Infinity : typeof multiple === "number" ? multiple : 1;
  }
  function answerPicker(selection) {
    if (!pickerRequest) return;
    frame.contentWindow.postMessage({ type: "delay-desk:resource-picker-result", requestId: pickerRequest.requestId, selection: selection }, config.appOrigin);
    pickerRequest = null;
    picker.hidden = true;
  }
  function drawPicker() {
    pickerList.textContent = "";
    var single = pickerLimit() === 1;
    pickerShown.forEach(function (resource) {
      var item = document.createElement("li");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = single ? "radio" : "checkbox";
      box.name = "picked";
      box.checked = !!pickerChosen[resource.id];
      box.addEventListener("change", function () {
        if (single) pickerChosen = {};
        if (box.checked && Object.keys(pickerChosen).length >= pickerLimit()) { box.checked = false; return; }
        if (box.checked) pickerChosen[resource.id] = resource; else delete pickerChosen[resource.id];
        drawPicker();
      });
      label.appendChild(box);
      // A variant is listed as the admin lists it, "product - variant" (its displayName).
      label.appendChild(document.createTextNode(resource.displayName || resource.title));
      item.appendChild(label);
      pickerList.appendChild(item);
    });
    pickerDone.disabled = Object.keys(pickerChosen).length === 0;
  }
  function loadPicker() {
    var query = new URLSearchParams({ type: pickerRequest.options.type || "", query: pickerSearch.value });
    return fetch(config.resourcePickerPath + "?" + query.toString())
      .then(function (response) { return response.json(); })
      .then(function (body) {
        pickerShown = Array.isArray(body.resources) ? body.resources : [];
        drawPicker();
      });
  }
  function openPicker(request) {
    pickerRequest = request;
    var verb = request.options.action === "select" ? "Select" : "Add";
    var noun = request.options.type === "collection" ? "collection" : String(request.options.type);
    document.getElementById("picker-title").textContent = verb + " " + (pickerLimit() === 1 ? noun : noun + "s");
    pickerDone.textContent = verb;
    pickerSearch.value = request.options.query || "";
    pickerChosen = {};
    picker.hidden = false;
    loadPicker().then(function () {
      (request.options.selectionIds || []).forEach(function (id) {
        var found = pickerShown.find(function (resource) { return resource.id === id; });
        if (found) pickerChosen[id] = found;
      });
      drawPicker();
    });
  }
  pickerSearch.addEventListener("input", function () { loadPicker(); });
  document.getElementById("picker-cancel").addEventListener("click", function () { answerPicker(null); });
  pickerDone.addEventListener("click", function () {
    answerPicker(Object.keys(pickerChosen).map(function (id) { return pickerChosen[id]; }));
  });
  // Admin answers only its own app frame, and only to the app's origin.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || event.source !== frame.contentWindow || event.origin !== config.appOrigin) return;
    if (data.type === "delay-desk:nav-menu" && Array.isArray(data.items)) return drawNav(data.items);
    if (data.type === "delay-desk:save-bar") return showSaveBar(data.visible === true, data.discardConfirmation === true);
    if (data.type === "delay-desk:resource-picker" && data.options && config.resourcePickerPath) return openPicker(data);
    if (data.type !== "delay-desk:id-token-request") return;
    fetch(config.sessionTokenPath + "?user=" + encodeURIComponent(config.userId), { method: "POST" })
      .then(function (response) { return response.json(); })
      .then(function (body) {
        frame.contentWindow.postMessage({ type: "delay-desk:id-token", requestId: data.requestId, idToken: body.idToken }, config.appOrigin);
      });
  });
})();
</script>
</body>
</html>
`;
}

export interface ShopLink {
  domain: string;
  name: string;
  adminUrl: string;
  storefrontUrl?: string;
}

export function renderIndexPage(shops: readonly ShopLink[]): string {
  const items = shops
    .map(
      (shop) =>
        `<li><a href="${escapeHtml(shop.adminUrl)}">${escapeHtml(shop.name)}</a> <code>${escapeHtml(shop.domain)}</code>${shop.storefrontUrl ? ` · <a href="${escapeHtml(shop.storefrontUrl)}">storefront</a>` : ""}</li>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Shopify Admin API simulator</title>
<style>body { font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; margin: 40px; } code { color: #616161; }</style>
</head>
<body>
<h1>Shopify Admin API simulator</h1>
<p>Open a shop's admin to use the embedded app:</p>
<ul>
${items}
</ul>
<p><a href="/health">/health</a></p>
</body>
</html>
`;
}
