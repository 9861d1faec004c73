// The wait-or-refund page, reached through Shopify's app proxy (https://<shop>/apps/delay-desk/choice).
// Two checks: Shopify's proxy signature (the request really came through the shop's domain; 401
// otherwise) and the notice's signed per-order token (this shopper holds a link we sent about
// this order; 403 if tampered or expired). GET shows the confirmation, POST records the choice
// and brings the order status page's block in line with it (docs/order-status-extension.md).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { appEnv } from "../env.server";
import { describeRange } from "../notices/estimate-range";
import { buyerTotal } from "../proxy/buyer-money";
import { confirmPage, donePage, refusedPage, type ChoiceOrder } from "../proxy/choice-page";
import { verifyChoiceToken, type ChoiceTokenClaims } from "../proxy/choice-token.server";
import { recordChoice, type Choice } from "../proxy/record-choice.server";
import { authenticate } from "../shopify.server";
import { AdminClient, type AdminGraphql } from "../admin-api/graphql.server";
import { awaitsConsent } from "../consent/consent.server";
import { refreshOrderStatus } from "../notices/order-status-metafield.server";
import { customerTexts } from "../locale/customer-texts";
import { customerLocale, isCustomerLanguage } from "../locale/language";

const querySchema = z.object({
  choice: z.enum(["wait", "cancel"]),
  token: z.string().min(1),
  shop: z.string().min(1),
});
const formSchema = z.object({ confirm: z.enum(["wait", "cancel"]) });

const TOKEN_PROBLEMS: Record<string, string> = {
  expired: "This link has expired.",
  "bad-signature": "This link is not valid.",
  malformed: "This link is not valid.",
  "other-shop": "This link belongs to another shop.",
};

function htmlResponse(body: string, status = 200): Response {
  // Shopify caches nothing from a proxy by default; say so anyway, the page is per customer.
  return new Response(body, {
    status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

type Verified = {
  claims: ChoiceTokenClaims;
  choice: Choice;
  order: ChoiceOrder;
  /** The shop's Admin API through its offline session; absent if the shop has none. */
  admin: AdminGraphql | undefined;
};

async function verify(request: Request): Promise<Verified | Response> {
  let admin: AdminGraphql | undefined;
  try {
    admin = (await authenticate.public.appProxy(request)).admin;
  } catch (error) {
    // The library answers a bad or missing signature with 400; the issue asks for 401.
    if (error instanceof Response)
      return htmlResponse(
        refusedPage(
          "This page must be opened from the shop",
          "The request did not come through the shop's website.",
        ),
        401,
      );
    throw error;
  }
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success)
    return htmlResponse(
      refusedPage("This link is incomplete", "Part of the link is missing."),
      400,
    );
  const check = verifyChoiceToken(appEnv().SHOPIFY_API_SECRET, query.data.token, {
    shop: query.data.shop,
    now: new Date(),
  });
  if (!check.ok)
    return htmlResponse(
      refusedPage(
        TOKEN_PROBLEMS[check.reason] ?? "This link is not valid.",
        "We could not match it to an order.",
      ),
      403,
    );
  const { shop, orderId, noticeId } = check.claims;
  const order = await db.trackedOrder.findUnique({ where: { shop_id: { shop, id: orderId } } });
  if (!order)
    return htmlResponse(
      refusedPage("We could not find this order", "It may have been removed."),
      404,
    );
  const notice = noticeId ? await db.notice.findFirst({ where: { shop, id: noticeId } }) : null;
  // The language their notice was written in; without one, the order's own (app/locale).
  const own = customerLocale(order.customerLocale, null);
  const reader =
    notice?.language && isCustomerLanguage(notice.language) && notice.language !== own.language
      ? { language: notice.language, locale: notice.language }
      : own;
  // The customer reads their own money: presentment currency, their locale (buyer-money.ts).
  const money = buyerTotal(order, reader.locale);
  return {
    admin,
    claims: check.claims,
    choice: query.data.choice,
    order: {
      name: order.name,
      firstName: order.customerFirstName,
      total: money,
      estimate: notice
        ? describeRange({ from: notice.estimateFrom, to: notice.estimateTo }, reader)
        : null,
      reader,
    },
  };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const verified = await verify(request);
  if (verified instanceof Response) return verified;
  const existing = await db.customerChoice.findUnique({
    where: { shop_orderId: { shop: verified.claims.shop, orderId: verified.claims.orderId } },
  });
  // A customer who chose to wait before is asked again for a renewed delay: the page asks them.
  const askedAgain =
    existing?.choice === "wait" &&
    verified.choice === "wait" &&
    (await awaitsConsent(
      db,
      verified.claims.shop,
      verified.claims.orderId,
      verified.claims.noticeId,
    ));
  if (existing?.choice === "cancel" || (existing?.choice === verified.choice && !askedAgain)) {
    return htmlResponse(
      donePage(verified.order, existing.choice === "cancel" ? "cancel" : "wait", true),
    );
  }
  return htmlResponse(confirmPage(verified.order, verified.choice));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const verified = await verify(request);
  if (verified instanceof Response) return verified;
  const form = formSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success || form.data.confirm !== verified.choice) {
    const t = customerTexts(verified.order.reader?.language ?? "en").page;
    return htmlResponse(refusedPage(t.somethingWrong, t.useTheButton, verified.order.reader), 400);
  }
  const result = await recordChoice(db, {
    shop: verified.claims.shop,
    orderId: verified.claims.orderId,
    noticeId: verified.claims.noticeId,
    choice: verified.choice,
  });
  const { admin } = verified;
  if (admin && result.status !== "already")
    await refreshOrderStatus(
      // A request handler's client: a THROTTLED answer is reported, not waited out.
      new AdminClient(admin, { maxThrottledInARow: 0 }),
      { db, secret: appEnv().SHOPIFY_API_SECRET, now: () => new Date() },
      verified.claims.shop,
      verified.claims.orderId,
    );
  return htmlResponse(donePage(verified.order, result.choice, result.status === "already"));
};
