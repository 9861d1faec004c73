// The waitlist mail's unsubscribe link (https://<shop>/apps/delay-desk/unsubscribe?token=…),
// through Shopify's app proxy. RFC 8058 one-click: the mail's List-Unsubscribe-Post header lets a
// mailbox provider POST "List-Unsubscribe=One-Click" here, which unsubscribes at once; a person
// opening the link (GET) sees a button that POSTs the same, since mail scanners open links by
// themselves (https://www.rfc-editor.org/rfc/rfc8058#section-3.1). The token is signed per signup
// (app/waitlist/unsubscribe-token.server.ts): 403 if tampered or another shop's.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import db from "../db.server";
import { appEnv } from "../env.server";
import { formFields, htmlResponse, proxiedShop } from "../waitlist/proxy-request.server";
import { verifyUnsubscribeToken } from "../waitlist/unsubscribe-token.server";
import {
  unsubscribeConfirmPage,
  unsubscribeDonePage,
  unsubscribeRefusedPage,
} from "../waitlist/waitlist-pages";
import { unsubscribeFromWaitlist } from "../waitlist/waitlist.server";

const oneClickSchema = z.object({ "List-Unsubscribe": z.literal("One-Click") });

async function verified(request: Request): Promise<{ shop: string; signupId: string } | Response> {
  const proxied = await proxiedShop(request);
  if (proxied instanceof Response) return proxied;
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const check = verifyUnsubscribeToken(appEnv().SHOPIFY_API_SECRET, token, proxied.shop);
  if (!check.ok) return htmlResponse(unsubscribeRefusedPage(), 403);
  return { shop: proxied.shop, signupId: check.signupId };
}

async function localeOf(shop: string, signupId: string): Promise<string | null | undefined> {
  const row = await db.waitlistSignup.findFirst({
    where: { id: signupId, shop },
    select: { locale: true },
  });
  return row ? row.locale : undefined;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const who = await verified(request);
  if (who instanceof Response) return who;
  const locale = await localeOf(who.shop, who.signupId);
  // A signup already erased (customers/redact, shop/redact): nothing of theirs is left to stop.
  if (locale === undefined) return htmlResponse(unsubscribeDonePage(null));
  return htmlResponse(unsubscribeConfirmPage(locale));
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const who = await verified(request);
  if (who instanceof Response) return who;
  const fields = await formFields(request, (status) =>
    htmlResponse(unsubscribeRefusedPage(), status),
  );
  if (fields instanceof Response) return fields;
  if (!oneClickSchema.safeParse(fields).success) return htmlResponse(unsubscribeRefusedPage(), 400);
  const locale = await localeOf(who.shop, who.signupId);
  await unsubscribeFromWaitlist(db, who.shop, who.signupId, new Date());
  return htmlResponse(unsubscribeDonePage(locale ?? null));
};
