// The waitlist while paused (issue 14 point 6), in a browser: the merchant pauses sales, a shopper
// on the demo storefront asks to be told when the shop reopens (the banner's form, through the
// simulated app proxy), the merchant sees the count, resumes, and the shopper gets exactly one
// mail, whose unsubscribe link works; and the merchant turns the form off.
import { DEMO_SHOP } from "../../scripts/demo";
import { newMerchantPage } from "../support/browser";
import { expect, test } from "../support/demo-in-browser";

test.use({ demoShop: { orders: 40, seed: 6 } });

const SHOPPER = "robin.waits@example.com";

test("pause, sign up on the storefront, resume: exactly one mail, and its unsubscribe link works", async ({
  demo,
  db,
  browser,
  page: merchant,
  pageErrors,
}) => {
  test.setTimeout(180_000);
  // The merchant's sender, as saved on the notices page: the waitlist mail comes from it.
  await db.noticeTemplate.upsert({
    where: { shop: DEMO_SHOP },
    create: {
      shop: DEMO_SHOP,
      subject: "An update on your order {{order_name}}",
      body: "Hi {{first_name}}, {{estimate}}",
      reason: "",
      replyTo: "dawn@oakandhide.com",
    },
    update: { replyTo: "dawn@oakandhide.com" },
  });

  await merchant.goto(`${demo.url}/app/storefront`);
  const app = merchant.frameLocator("iframe");
  await expect(app.getByText("Selling normally")).toHaveCount(1, { timeout: 30_000 });
  await app.getByRole("button", { name: "Pause sales" }).click();
  await expect(app.getByText("New orders paused")).toHaveCount(1);

  // The shopper, in a context of their own, on the shop's home page.
  const shopper = await newMerchantPage(browser);
  shopper.on("pageerror", (error) => pageErrors.push(error.message));
  await shopper.goto(`${demo.simulator.origin}/${DEMO_SHOP}/storefront/`);
  const form = shopper.locator("form.dd-waitlist");
  await expect(form.getByText("Tell me when you reopen")).toHaveCount(1);
  await form.getByPlaceholder("Your email").fill(SHOPPER);
  await form
    .getByLabel("Email me once when the shop reopens. I can unsubscribe with one click.")
    .check();
  await form.getByRole("button", { name: "Tell me" }).click();
  await expect(shopper).toHaveURL(new RegExp(`/${DEMO_SHOP}/storefront/apps/delay-desk/waitlist`));
  await expect(shopper.getByRole("heading", { name: "You're on the list" })).toHaveCount(1);
  // The page never shows the address back.
  await expect(shopper.getByText(SHOPPER)).toHaveCount(0);

  // The merchant sees the count (never the address).
  await merchant.reload();
  await expect(app.getByText(/1 shopper waiting to hear you reopened/)).toHaveCount(1, {
    timeout: 30_000,
  });
  await expect(app.getByText(SHOPPER)).toHaveCount(0);
  await app.getByRole("button", { name: "Resume sales" }).click();
  await expect(app.getByText("Selling normally")).toHaveCount(1);

  const toShopper = () => demo.mail.received().filter((m) => m.to.includes(SHOPPER));
  await expect.poll(() => toShopper().length, { timeout: 30_000 }).toBe(1);
  // Once the list says it was mailed, still exactly one mail.
  await expect
    .poll(
      async () =>
        (await db.waitlistSignup.findFirst({ where: { shop: DEMO_SHOP, email: SHOPPER } }))?.status,
      { timeout: 30_000 },
    )
    .toBe("mailed");
  await merchant.reload();
  await expect(app.getByText(/1 shopper emailed/)).toHaveCount(1, { timeout: 30_000 });
  expect(toShopper()).toHaveLength(1);

  // The mail, in the outbox; its unsubscribe link opens a confirmation on the shop's domain.
  await shopper.goto(`${demo.simulator.origin}/outbox`);
  await shopper.getByRole("link", { name: /is open again/ }).click();
  const mail = shopper.frameLocator('iframe[title="Message"]');
  await mail.getByRole("link", { name: "Unsubscribe" }).click();
  await expect(shopper).toHaveURL(
    new RegExp(`/${DEMO_SHOP}/storefront/apps/delay-desk/unsubscribe`),
  );
  await shopper.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(shopper.getByRole("heading", { name: "You're unsubscribed" })).toHaveCount(1);
  await expect
    .poll(
      async () =>
        (await db.waitlistSignup.findFirst({ where: { shop: DEMO_SHOP, email: SHOPPER } }))?.status,
    )
    .toBe("unsubscribed");
  expect(toShopper()).toHaveLength(1);
  expect(pageErrors).toEqual([]);
  await shopper.close();
});

test("the merchant turns the waitlist off: the paused banner shows no form", async ({
  demo,
  browser,
  page: merchant,
  pageErrors,
}) => {
  test.setTimeout(120_000);
  await merchant.goto(`${demo.url}/app/storefront`);
  const app = merchant.frameLocator("iframe");
  await expect(app.getByText("Selling normally")).toHaveCount(1, { timeout: 30_000 });
  await app.getByRole("button", { name: "Pause sales" }).click();
  await expect(app.getByText("New orders paused")).toHaveCount(1);
  await app.getByLabel("Waitlist while paused").uncheck();
  await app.getByRole("button", { name: "Save waitlist setting" }).click();
  await expect(app.getByText("Waitlist setting saved")).toHaveCount(1);
  await expect(app.getByText(/no longer offers the waitlist form/)).toHaveCount(1);

  const shopper = await newMerchantPage(browser);
  shopper.on("pageerror", (error) => pageErrors.push(error.message));
  await shopper.goto(`${demo.simulator.origin}/${DEMO_SHOP}/storefront/`);
  await expect(shopper.getByText(/We have paused new orders/)).toHaveCount(1);
  await expect(shopper.locator("form.dd-waitlist")).toHaveCount(0);
  await expect(shopper.getByText("Tell me when you reopen")).toHaveCount(0);

  // Back on after a reload: the checkbox shows the stored choice, and the form returns.
  await merchant.reload();
  await expect(app.getByLabel("Waitlist while paused")).not.toBeChecked({ timeout: 30_000 });
  await app.getByLabel("Waitlist while paused").check();
  await app.getByRole("button", { name: "Save waitlist setting" }).click();
  await expect(app.getByText(/offers “Tell me when you reopen”/)).toHaveCount(1);
  await shopper.reload();
  await expect(shopper.locator("form.dd-waitlist")).toHaveCount(1);
  expect(pageErrors).toEqual([]);
  await shopper.close();
});
