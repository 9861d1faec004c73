// App Bridge stand-in, served by the simulator at /cdn/app-bridge.js. Shopify's real App Bridge
// loads from its CDN, which is out of reach offline, and outside Shopify admin it would leave the
// page. This does the part an embedded app relies on: window.shopify with config, idToken(),
// toast and loading, and a fetch that adds "Authorization: Bearer <session token>" to the app's
// own requests. Tokens come from the admin frame (the parent window) by postMessage; opened
// top-level, the app gets them from the simulator directly.
(function () {
  "use strict";
  if (window.shopify && window.shopify.__standIn) return;

  var script = document.currentScript;
  var apiKey = (script && script.getAttribute("data-api-key")) || "";
  var adminOrigin = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  var params = new URLSearchParams(window.location.search);
  var shop = params.get("shop") || "";
  var locale = params.get("locale") || "en";
  var host = params.get("host") || "";
  var inFrame = window.parent && window.parent !== window;

  // Reuse a token until 10 s before it expires, as App Bridge does; tokens live 60 s.
  var REFRESH_MARGIN_MS = 10000;
  var REQUEST_TIMEOUT_MS = 5000;
  var cached = null;
  var pending = null;
  var nextRequestId = 1;
  var waiting = {};

  function expiryMs(token) {
    try {
      var part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
      var payload = JSON.parse(atob(part));
      return typeof payload.exp === "number" ? payload.exp * 1000 : 0;
    } catch (error) {
      return 0;
    }
  }

  function remember(token) {
    cached = { token: token, expiresAt: expiryMs(token) };
    return token;
  }

  var initial = params.get("id_token");
  if (initial) remember(initial);

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "delay-desk:id-token") return;
    if (event.origin !== adminOrigin) return;
    var entry = waiting[data.requestId];
    if (!entry) return;
    delete waiting[data.requestId];
    clearTimeout(entry.timer);
    if (typeof data.idToken === "string" && data.idToken) entry.resolve(data.idToken);
    else entry.reject(new Error("The admin frame sent no session token."));
  });

  function askParent() {
    return new Promise(function (resolve, reject) {
      var requestId = "t" + nextRequestId++;
      var timer = setTimeout(function () {
        delete waiting[requestId];
        reject(new Error("The admin frame did not answer the session token request."));
      }, REQUEST_TIMEOUT_MS);
      waiting[requestId] = { resolve: resolve, reject: reject, timer: timer };
      window.parent.postMessage({ type: "delay-desk:id-token-request", requestId: requestId }, adminOrigin);
    });
  }

  function askSimulator() {
    return originalFetch(adminOrigin + "/" + encodeURIComponent(shop) + "/admin/session-token", { method: "POST" })
      .then(function (response) {
        if (!response.ok) throw new Error("The simulator refused a session token: HTTP " + response.status);
        return response.json();
      })
      .then(function (body) {
        return body.idToken;
      });
  }

  function idToken() {
    if (cached && cached.expiresAt - REFRESH_MARGIN_MS > Date.now()) return Promise.resolve(cached.token);
    if (!pending) {
      pending = (inFrame ? askParent() : askSimulator()).then(
        function (token) {
          pending = null;
          return remember(token);
        },
        function (error) {
          pending = null;
          throw error;
        },
      );
    }
    return pending;
  }

  var originalFetch = window.fetch.bind(window);

  function requestUrl(input) {
    if (typeof input === "string") return input;
    if (input instanceof URL) return input.href;
    return input.url;
  }

  window.fetch = function (input, init) {
    var target = new URL(requestUrl(input), window.location.href);
    if (target.origin !== window.location.origin) return originalFetch(input, init);
    var source = init && init.headers !== undefined ? init.headers : typeof input === "object" && !(input instanceof URL) ? input.headers : undefined;
    var headers = new Headers(source);
    if (headers.has("Authorization")) return originalFetch(input, init);
    return idToken().then(function (token) {
      headers.set("Authorization", "Bearer " + token);
      return originalFetch(input, Object.assign({}, init, { headers: headers }));
    });
  };

  function toastShow(message, options) {
    var duration = (options && options.duration) || 5000;
    var element = document.createElement("div");
    element.setAttribute("role", "status");
    element.setAttribute("data-app-bridge-toast", "");
    element.textContent = String(message);
    element.style.cssText =
      "position:fixed;left:50%;bottom:24px;transform:translateX(-50%);z-index:2147483647;" +
      "background:" + (options && options.isError ? "#8e1f0b" : "#1a1a1a") + ";color:#fff;" +
      "padding:10px 16px;border-radius:8px;font:14px/1.4 sans-serif;box-shadow:0 4px 12px rgba(0,0,0,.2)";
    document.body.appendChild(element);
    setTimeout(function () {
      if (element.parentNode) element.parentNode.removeChild(element);
    }, duration);
    return "toast-" + nextRequestId++;
  }

  var loadingBar = null;
  function loading(on) {
    if (on && !loadingBar) {
      loadingBar = document.createElement("div");
      loadingBar.setAttribute("data-app-bridge-loading", "");
      loadingBar.style.cssText = "position:fixed;top:0;left:0;right:0;height:3px;background:#36fba1;z-index:2147483647";
      document.body.appendChild(loadingBar);
    } else if (!on && loadingBar) {
      if (loadingBar.parentNode) loadingBar.parentNode.removeChild(loadingBar);
      loadingBar = null;
    }
  }

  // Admin draws the nav menu and title bar itself; inside the app these elements stay hidden.
  if (window.customElements) {
    ["ui-nav-menu", "ui-title-bar"].forEach(function (name) {
      if (window.customElements.get(name)) return;
      window.customElements.define(
        name,
        class extends HTMLElement {
          connectedCallback() {
            this.style.display = "none";
          }
        },
      );
    });
  }

  // <ui-nav-menu>: Shopify admin draws the app's links in its own sidebar. The stand-in sends them
  // to the admin frame, and when one is clicked there it fires "shopify:navigate" on the link, the
  // event shopify-app-remix's AppProvider turns into a client-side navigation.
  function navItems() {
    var links = document.querySelectorAll("ui-nav-menu a[href]");
    return Array.prototype.map.call(links, function (link) {
      return { label: (link.textContent || "").trim(), href: link.getAttribute("href"), home: link.getAttribute("rel") === "home" };
    });
  }
  var sentNav = "";
  function sendNav() {
    if (!inFrame) return;
    var items = navItems();
    var serialized = JSON.stringify(items);
    if (serialized === sentNav) return;
    sentNav = serialized;
    window.parent.postMessage({ type: "delay-desk:nav-menu", items: items }, adminOrigin);
  }
  if (inFrame) {
    new MutationObserver(sendNav).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", sendNav);
    window.addEventListener("message", function (event) {
      var data = event.data;
      if (!data || data.type !== "delay-desk:navigate" || event.origin !== adminOrigin) return;
      var target = Array.prototype.find.call(document.querySelectorAll("ui-nav-menu a[href]"), function (link) {
        return link.getAttribute("href") === data.href;
      });
      if (target) target.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true }));
    });
  }

  // Links to "shopify://admin/<path>" (or "shopify:admin/<path>") open the admin's own page, as the
  // Navigation API documents (https://shopify.dev/docs/api/app-home/apis/navigation): here the
  // simulated admin's, /<shop>/admin/<path>, in the top window.
  var ADMIN_LINK = /^shopify:(?:\/\/)?admin\/(.*)$/;
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
      var match = link ? ADMIN_LINK.exec(link.getAttribute("href") || "") : null;
      if (!match || !shop) return;
      event.preventDefault();
      window.open(adminOrigin + "/" + shop + "/admin/" + match[1], "_top");
    },
    true,
  );

  // <form data-save-bar>: when any field differs from the form's first state, the admin shows its
  // save bar (Save submits the form, Discard resets it, after a confirmation when the form has
  // data-discard-confirmation) and hides it on submit or reset, as Shopify documents:
  // https://shopify.dev/docs/api/app-home/app-bridge-web-components/save-bar. While it shows, the
  // admin does not leave the page. Outside the admin frame the stand-in draws the bar itself.
  var SAVE_BAR_FORM = "form[data-save-bar]";
  var baselines = new WeakMap();
  var dirtyForm = null;
  var ownBar = null;
  function formState(form) {
    var entries = [];
    new FormData(form).forEach(function (value, name) {
      entries.push([name, typeof value === "string" ? value : ""]);
    });
    return JSON.stringify(entries);
  }
  function trackForms() {
    Array.prototype.forEach.call(document.querySelectorAll(SAVE_BAR_FORM), function (form) {
      if (!baselines.has(form)) baselines.set(form, formState(form));
    });
  }
  function drawOwnBar(form) {
    if (ownBar && ownBar.parentNode) ownBar.parentNode.removeChild(ownBar);
    ownBar = null;
    if (!form) return;
    ownBar = document.createElement("div");
    ownBar.setAttribute("data-app-bridge-save-bar", "");
    ownBar.setAttribute("role", "region");
    ownBar.setAttribute("aria-label", "Unsaved changes");
    ownBar.style.cssText =
      "position:fixed;top:0;left:0;right:0;z-index:2147483647;display:flex;gap:8px;align-items:center;" +
      "padding:8px 16px;background:#1a1a1a;color:#fff;font:14px/1.4 sans-serif";
    ownBar.textContent = "Unsaved changes ";
    [["Discard", "discard"], ["Save", "save"]].forEach(function (pair) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = pair[0];
      button.addEventListener("click", function () {
        saveBarAction(pair[1]);
      });
      ownBar.appendChild(button);
    });
    document.body.appendChild(ownBar);
  }
  function showSaveBar(form) {
    if (dirtyForm === form) return;
    dirtyForm = form;
    if (!inFrame) return drawOwnBar(form);
    window.parent.postMessage(
      { type: "delay-desk:save-bar", visible: !!form, discardConfirmation: !!form && form.hasAttribute("data-discard-confirmation") },
      adminOrigin,
    );
  }
  function checkForm(form) {
    if (!baselines.has(form)) return baselines.set(form, formState(form));
    showSaveBar(formState(form) !== baselines.get(form) ? form : dirtyForm === form ? null : dirtyForm);
  }
  function saveBarAction(action) {
    var form = dirtyForm;
    if (!form || !form.isConnected) return showSaveBar(null);
    if (action === "save") form.requestSubmit();
    // Outside the admin the confirmation is the browser's; in the admin frame the admin asked.
    else if (action === "discard" && (inFrame || !form.hasAttribute("data-discard-confirmation") || window.confirm("Discard all unsaved changes?"))) form.reset();
  }
  ["input", "change"].forEach(function (type) {
    document.addEventListener(
      type,
      function (event) {
        var form = event.target && event.target.closest ? event.target.closest(SAVE_BAR_FORM) : null;
        if (form) checkForm(form);
      },
      true,
    );
  });
  document.addEventListener(
    "submit",
    function (event) {
      var form = event.target;
      if (!form || !form.matches || !form.matches(SAVE_BAR_FORM)) return;
      baselines.set(form, formState(form));
      if (dirtyForm === form) showSaveBar(null);
    },
    true,
  );
  document.addEventListener(
    "reset",
    function (event) {
      var form = event.target;
      if (!form || !form.matches || !form.matches(SAVE_BAR_FORM)) return;
      if (dirtyForm === form) showSaveBar(null);
      // What the form shows once the app has handled the reset is its clean state again.
      setTimeout(function () {
        baselines.set(form, formState(form));
      }, 0);
    },
    true,
  );
  // Fields added or removed (a closure row) change the form's state without an input event.
  new MutationObserver(function () {
    // A form still being parsed would be baselined half-built; DOMContentLoaded takes the first.
    if (document.readyState === "loading") return;
    trackForms();
    if (dirtyForm && !dirtyForm.isConnected) return showSaveBar(null);
    Array.prototype.forEach.call(document.querySelectorAll(SAVE_BAR_FORM), checkForm);
  }).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  document.addEventListener("DOMContentLoaded", trackForms);
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "delay-desk:save-bar-action" || event.origin !== adminOrigin) return;
    saveBarAction(data.action);
  });

  // shopify.resourcePicker(options): the admin frame draws the picker and answers with the picked
  // resources, or nothing when the merchant cancels (the promise then resolves to undefined), as
  // https://shopify.dev/docs/api/app-home/apis/user-interface-and-interactions/resource-picker-api
  // documents. The result is an array that also carries itself as `selection` (deprecated, still in
  // @shopify/app-bridge-types' SelectPayload).
  var pickerWaiting = {};
  function resourcePicker(options) {
    if (!inFrame) return Promise.reject(new Error("The resource picker is drawn by the admin: open the app in the admin frame."));
    return new Promise(function (resolve) {
      var requestId = "p" + nextRequestId++;
      pickerWaiting[requestId] = resolve;
      window.parent.postMessage(
        {
          type: "delay-desk:resource-picker",
          requestId: requestId,
          options: {
            type: options && options.type,
            action: (options && options.action) || "add",
            multiple: options && options.multiple !== undefined ? options.multiple : false,
            query: (options && options.query) || "",
            selectionIds: ((options && options.selectionIds) || []).map(function (item) {
              return item.id;
            }),
          },
        },
        adminOrigin,
      );
    });
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "delay-desk:resource-picker-result" || event.origin !== adminOrigin) return;
    var resolve = pickerWaiting[data.requestId];
    if (!resolve) return;
    delete pickerWaiting[data.requestId];
    if (!Array.isArray(data.selection)) return resolve(undefined);
    var selection = data.selection.slice();
    selection.selection = selection;
    resolve(selection);
  });

  window.shopify = {
    __standIn: true,
    resourcePicker: resourcePicker,
    config: { apiKey: apiKey, shop: shop, locale: locale, host: host },
    environment: { embedded: inFrame, mobile: false, pos: false },
    origin: adminOrigin,
    idToken: idToken,
    toast: { show: toastShow, hide: function () {} },
    loading: loading,
  };
})();
