import { describe, expect, it } from "vitest";
import {
  DEFAULT_TEMPLATE,
  describeItems,
  noticeItems,
  renderNotice,
  unknownFields,
  type NoticeInput,
} from "./render-notice";
import { DEFAULT_WORDINGS } from "./notice-kinds";

const input: NoticeInput = {
  template: DEFAULT_TEMPLATE,
  order: {
    name: "#1042",
    customerFirstName: "Ava",
    items: [
      { title: "Walnut Case", quantity: 2 },
      { title: "Strap", quantity: 1 },
    ],
  },
  range: { from: "2026-12-07", to: "2026-12-18" },
  today: "2026-12-01",
  sender: { name: "Dawn Rivera", role: "Operations manager", shopName: "Oak & Hide Workshop" },
  links: {
    wait: "https://oak.myshopify.com/apps/delay-desk/choice?c=wait&t=abc",
    cancel: "https://oak.myshopify.com/apps/delay-desk/choice?c=cancel&t=abc",
  },
};

describe("renderNotice", () => {
  it("does not call a date that is today an estimate to beat (issue 13)", () => {
    const due = renderNotice({ ...input, range: { from: "2026-12-01", to: "2026-12-01" } });
    for (const part of [due.text, due.html]) {
      expect(part).toContain("today, Tuesday 1 December");
      expect(part).not.toMatch(/careful estimate|very probably/);
      // The free way to cancel stays whatever the wording.
      expect(part).toContain(input.links.cancel.replaceAll("&", part === due.html ? "&amp;" : "&"));
    }
  });

  it("fills every field in both parts", () => {
    const notice = renderNotice(input);
    expect(notice.subject).toBe("An update on your order #1042");
    for (const part of [notice.text, notice.html]) {
      expect(part).toContain("Hi Ava,");
      expect(part).toContain("2 × Walnut Case, Strap");
      expect(part).toContain("in 1–3 weeks (by Friday 18 December)");
      expect(part).toContain("Dawn Rivera");
      expect(part).not.toMatch(/\{\{/);
    }
    expect(notice.text).toContain("Operations manager, Oak & Hide Workshop");
    expect(notice.html).toContain("Operations manager, Oak &amp; Hide Workshop");
  });

  it("always carries both links, even if the template leaves them out", () => {
    const notice = renderNotice({
      ...input,
      template: { subject: "Hi", body: "Short: {{estimate}}", reason: "" },
    });
    expect(notice.text).toContain(input.links.wait);
    expect(notice.text).toContain(input.links.cancel);
    expect(notice.html).toContain(`href="${input.links.cancel.replaceAll("&", "&amp;")}"`);
    expect(notice.html).toContain("Cancel and refund me");
  });

  it("escapes what the merchant and customer typed in the HTML part", () => {
    const notice = renderNotice({
      ...input,
      order: { ...input.order, customerFirstName: "<b>Bo</b>" },
      template: { ...DEFAULT_TEMPLATE, reason: "R&D <script>" },
    });
    expect(notice.html).toContain("Hi &lt;b&gt;Bo&lt;/b&gt;,");
    expect(notice.html).toContain("R&amp;D &lt;script&gt;");
    expect(notice.html).not.toContain("<script>");
  });

  it("greets a customer without a first name", () => {
    expect(
      renderNotice({ ...input, order: { ...input.order, customerFirstName: null } }).text,
    ).toContain("Hi there,");
  });
});

describe("template helpers", () => {
  it("finds placeholders it does not know", () => {
    expect(unknownFields("Hi {{first_name}}, {{frist_name}} {{ estimate }}")).toEqual([
      "frist_name",
    ]);
  });
  it("reads line items from the stored JSON and skips removed ones", () => {
    const items = noticeItems(
      JSON.stringify([
        { title: "A", quantity: 0 },
        { title: "B", quantity: 3, sku: null },
      ]),
    );
    expect(items).toEqual([{ title: "B", quantity: 3 }]);
    expect(describeItems(items)).toBe("3 × B");
    expect(noticeItems("not json")).toEqual([]);
  });
});

describe("renderNotice per kind", () => {
  it("adds the wait / cancel-and-refund links to every kind but 'shipped', whatever the wording says", () => {
    const bare = { subject: "{{order_name}}", body: "Still {{estimate}}.", reason: "r" };
    for (const kind of ["first", "weekly", "later", "earlier"] as const) {
      const notice = renderNotice({ ...input, kind, template: bare });
      expect(notice.text, kind).toContain(`Cancel and refund me: ${input.links.cancel}`);
      expect(notice.html, kind).toContain("Cancel and refund me");
    }
    const shipped = renderNotice({
      ...input,
      kind: "shipped",
      template: { ...DEFAULT_WORDINGS.shipped, reason: "r" },
    });
    expect(shipped.subject).toBe("Your order #1042 is on its way");
    expect(shipped.text).not.toContain("Cancel and refund me");
    expect(shipped.html).not.toContain(input.links.cancel);
  });

  it("a later date says the date given before, the reason it moved and the make-good", () => {
    const notice = renderNotice({
      ...input,
      kind: "later",
      template: { ...DEFAULT_WORDINGS.later, reason: "r" },
      range: { from: "2026-12-14", to: "2026-12-24" },
      previous: { from: "2026-12-07", to: "2026-12-18" },
      overrideReason: "Our kiln broke.",
      makeGood: "A free leather keyring comes with it.",
    });
    expect(notice.text).toContain(
      "would ship between Monday 7 December and Friday 18 December. We are not going to make that",
    );
    expect(notice.text).toContain("What happened: Our kiln broke.");
    expect(notice.text).toContain(
      "We now expect to ship it in 2–4 weeks (by Thursday 24 December).",
    );
    expect(notice.text).toContain("A free leather keyring comes with it.");
  });
});
