// A customer asked the store for their data (customers/data_request): the merchant opens Settings →
// Customer data requests inside the simulated admin, downloads the JSON, and the page then says
// who downloaded it and when. The download goes through App Bridge's fetch (a plain link would
// carry no session token), as the orders CSV export does.
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { DEMO_SHOP } from "../../scripts/demo";
import { expect, test } from "../support/demo-in-browser";

test.use({ demoShop: { orders: 40, seed: 3 } });

test.describe("customer data requests, in a browser", () => {
  test("lists the request, downloads the customer's data as JSON, and records the download", async ({
    demo,
    db,
    page,
    pageErrors,
    firstVisit,
  }) => {
    await firstVisit();
    const order = await db.trackedOrder.findFirst({
      where: { shop: DEMO_SHOP, email: { not: null } },
      orderBy: { createdAt: "asc" },
    });
    if (!order?.email) throw new Error("the seeded shop has no order with an email");
    await db.dataRequest.create({
      data: {
        shop: DEMO_SHOP,
        shopifyRequestId: "4242",
        customerId: "77",
        customerEmail: order.email,
        ordersRequested: JSON.stringify([order.id]),
      },
    });

    await page.goto(`${demo.url}/app/settings`);
    const app = page.frameLocator("iframe");
    await app
      .getByRole("link", { name: "Customer data requests" })
      .or(app.getByRole("button", { name: "Customer data requests" }))
      .first()
      .click({ timeout: 30_000 });
    await expect(app.getByText("#4242")).toHaveCount(1, { timeout: 30_000 });
    expect(await app.getByText(order.email).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30_000 }),
      app.getByRole("button", { name: "Download JSON" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("delay-desk-data-request-4242.json");
    const path = await download.path();
    const exported = z
      .object({
        request: z.object({ customer: z.object({ email: z.string() }) }),
        orders: z.array(z.object({ id: z.string(), email: z.string().nullable() })),
      })
      .parse(JSON.parse(await readFile(path, "utf8")));
    expect(exported.request.customer.email).toBe(order.email);
    expect(exported.orders.map((o) => o.id)).toContain(order.id);

    // On the shop's clock, its zone named, as a human date (app/locale/shop-time.ts).
    await expect(
      app.getByText(
        /Downloaded [A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s[AP]M [A-Z]{2,5}/,
      ),
    ).toHaveCount(1);
    expect(
      (
        await db.dataRequest.findFirstOrThrow({
          where: { shop: DEMO_SHOP, shopifyRequestId: "4242" },
        })
      ).downloadedAt,
    ).not.toBeNull();
    expect(pageErrors).toEqual([]);
  });
});
