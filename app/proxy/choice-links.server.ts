// The two links every notice carries. They point at the shop's own domain
// (https://<shop>/apps/delay-desk/choice), which Shopify's app proxy forwards to /proxy/choice.
import { CHOICE_TOKEN_LIFETIME_DAYS, signChoiceToken } from "./choice-token.server";

export const APP_PROXY_PREFIX = "/apps/delay-desk";

export interface ChoiceLinks {
  wait: string;
  cancel: string;
}

export function choiceLinks(
  secret: string,
  input: { shop: string; orderId: string; noticeId: string | null; now: Date },
): ChoiceLinks {
  const expiresAt = new Date(input.now.getTime() + CHOICE_TOKEN_LIFETIME_DAYS * 86_400_000);
  const token = signChoiceToken(secret, {
    shop: input.shop,
    orderId: input.orderId,
    noticeId: input.noticeId,
    expiresAt,
  });
  const link = (choice: "wait" | "cancel") => {
    const url = new URL(`https://${input.shop}${APP_PROXY_PREFIX}/choice`);
    url.searchParams.set("choice", choice);
    url.searchParams.set("token", token);
    return url.toString();
  };
  return { wait: link("wait"), cancel: link("cancel") };
}
