import { describe, expect, it } from "vitest";
import type { ReceivedMail } from "./mail-server";
import { renderOutboxPage, rewriteShopLinks } from "./outbox-page";

const mail: ReceivedMail = {
  messageId: "<m1@x>",
  from: { name: "Dawn Rivera", address: "dawn@oak.com" },
  replyTo: "dawn@oak.com",
  to: ["ava@example.com"],
  subject: "An update on your order #1001",
  text: "Cancel: https://oak-and-hide.myshopify.com/apps/delay-desk/choice?choice=cancel&token=t",
  html: '<p><a href="https://oak-and-hide.myshopify.com/apps/delay-desk/choice?choice=cancel&amp;token=t">Cancel and refund me</a></p>',
  raw: "",
  receivedAt: new Date("2026-11-24T10:00:00Z"),
};

describe("the outbox page", () => {
  it("rewrites shop links to the simulated storefront", () => {
    expect(
      rewriteShopLinks(
        "see https://Oak-and-Hide.myshopify.com/apps/delay-desk/choice?x=1",
        "http://127.0.0.1:4100",
      ),
    ).toBe(
      "see http://127.0.0.1:4100/oak-and-hide.myshopify.com/storefront/apps/delay-desk/choice?x=1",
    );
  });

  it("lists messages and opens one with its headers and rewritten links", () => {
    const page = renderOutboxPage(
      { inbox: () => [mail] },
      new URL("http://sim/outbox?m=0"),
      "http://sim",
    );
    expect(page).toContain("An update on your order #1001");
    expect(page).toContain('data-field="from">Dawn Rivera &lt;dawn@oak.com&gt;');
    expect(page).toContain('data-field="reply-to">dawn@oak.com');
    expect(page).toContain(
      "http://sim/oak-and-hide.myshopify.com/storefront/apps/delay-desk/choice?choice=cancel",
    );
    expect(page).not.toContain("https://oak-and-hide.myshopify.com/apps/");
  });

  it("says when nothing was sent", () => {
    expect(
      renderOutboxPage({ inbox: () => [] }, new URL("http://sim/outbox"), "http://sim"),
    ).toContain("Nothing sent yet.");
  });
});
