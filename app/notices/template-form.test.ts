import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE } from "./render-notice";
import { DEFAULT_MAKE_GOOD, DEFAULT_WORDINGS } from "./notice-kinds";
import { parseTemplateForm, parseWordingForm } from "./template-form";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const good = {
  subject: DEFAULT_TEMPLATE.subject,
  body: DEFAULT_TEMPLATE.body,
  reason: DEFAULT_TEMPLATE.reason,
  replyTo: "dawn@oakandhide.com",
};

describe("parseTemplateForm", () => {
  it("accepts the default template with a human reply-to", () => {
    expect(parseTemplateForm(form(good))).toMatchObject({
      ok: true,
      data: { replyTo: "dawn@oakandhide.com" },
    });
  });

  it("refuses a noreply address, a typo'd field and a message without the estimate, keeping the input", () => {
    const result = parseTemplateForm(
      form({
        ...good,
        replyTo: "noreply@oakandhide.com",
        subject: "About {{order_nam}}",
        body: "Hi {{first_name}}",
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.replyTo).toContain("nobody reads");
    expect(result.errors.subject).toContain("Unknown field {{order_nam}}");
    expect(result.errors.body).toContain("{{estimate}}");
    expect(result.values.subject).toBe("About {{order_nam}}");
  });
});

describe("parseWordingForm: what each kind must say is not the merchant's to drop", () => {
  it("accepts every kind's default wording", () => {
    for (const kind of ["weekly", "later", "earlier", "shipped"] as const)
      expect(
        parseWordingForm(form({ ...DEFAULT_WORDINGS[kind], makeGood: DEFAULT_MAKE_GOOD }), kind).ok,
        kind,
      ).toBe(true);
  });

  it("refuses a later-date notice that hides the earlier date, the reason or the make-good", () => {
    const result = parseWordingForm(
      form({
        subject: "An update on {{order_name}}",
        body: "Hi {{first_name}}, we now expect to ship it {{estimate}}.",
        makeGood: "",
      }),
      "later",
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.body).toContain("{{previous_estimate}}");
    expect(result.errors.makeGood).toContain("make up");
  });

  it("refuses fields that mean nothing for the kind: no date in a shipped notice, no override reason in a weekly one", () => {
    const shipped = parseWordingForm(
      form({ subject: "Shipped", body: "{{order_name}} shipped, as promised {{estimate}}." }),
      "shipped",
    );
    expect(shipped.ok).toBe(false);
    if (!shipped.ok) expect(shipped.errors.body).toContain("Unknown field {{estimate}}");
    const weekly = parseWordingForm(
      form({ subject: "Weekly", body: "Still {{estimate}} because {{override_reason}}." }),
      "weekly",
    );
    expect(weekly.ok).toBe(false);
  });
});
