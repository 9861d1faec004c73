import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE } from "./render-notice";
import { parseTemplateForm } from "./template-form";

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
