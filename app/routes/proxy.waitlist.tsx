// The banner's "Tell me when you reopen" form, reached through Shopify's app proxy
// (https://<shop>/apps/delay-desk/waitlist, extensions/delay-desk-theme/blocks/notice-banner.liquid).
// POST only: the signature is checked (401), the body must be a form (415), the address and the
// consent box valid (400, nothing written), the merchant must offer the waitlist (404 when
// turned off on /app/storefront, nothing written); then the shopper is on the shop's list (app/waitlist)
// with the words they agreed to and when. The page answers in the storefront's language and
// never repeats the address.
import type { ActionFunctionArgs } from "@remix-run/node";
import db from "../db.server";
import { waitlistTexts } from "../locale/waitlist-texts";
import { formFields, htmlResponse, proxiedShop } from "../waitlist/proxy-request.server";
import { parseSignupForm } from "../waitlist/signup-form";
import { signupPage } from "../waitlist/waitlist-pages";
import { joinWaitlist } from "../waitlist/waitlist.server";

// Shop open: 409 (the list exists again at the next pause). Waitlist turned off by the merchant:
// 404, there is no list to join.
const ANSWER_STATUS = { joined: 200, already: 200, "not-paused": 409, closed: 404 } as const;

export const loader = () => htmlResponse(signupPage("email", null), 405, { Allow: "POST" });

export const action = async ({ request }: ActionFunctionArgs) => {
  if (request.method !== "POST")
    return htmlResponse(signupPage("email", null), 405, { Allow: "POST" });
  const proxied = await proxiedShop(request);
  if (proxied instanceof Response) return proxied;
  const fields = await formFields(request, (status) =>
    htmlResponse(signupPage("email", null), status),
  );
  if (fields instanceof Response) return fields;
  const parsed = parseSignupForm(fields);
  if (!parsed.ok) return htmlResponse(signupPage(parsed.problem, parsed.locale), 400);
  const { email, locale } = parsed.signup;
  const result = await joinWaitlist(
    db,
    proxied.shop,
    { email, locale: locale ?? null, consentText: waitlistTexts(locale).texts.consent },
    new Date(),
  );
  return htmlResponse(signupPage(result, locale), ANSWER_STATUS[result]);
};
