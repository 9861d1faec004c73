// What both waitlist routes check first: the request came through the shop's app proxy (Shopify's
// `signature` over the query, checked by the library as for the wait-or-refund page; 401
// otherwise), and which shop it is for (the signed `shop` parameter). Bodies are forms only: a
// POST without a form content type is refused before anything is read (415).
import { authenticate } from "../shopify.server";
import { unsubscribeRefusedPage } from "./waitlist-pages";

export function htmlResponse(body: string, status = 200, headers: Record<string, string> = {}) {
  return new Response(body, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

export async function proxiedShop(request: Request): Promise<{ shop: string } | Response> {
  try {
    await authenticate.public.appProxy(request);
  } catch (error) {
    // The library answers a bad or missing signature with 400; we say 401, as the choice page does.
    if (error instanceof Response) return htmlResponse(unsubscribeRefusedPage(), 401);
    throw error;
  }
  const shop = new URL(request.url).searchParams.get("shop");
  if (!shop) return htmlResponse(unsubscribeRefusedPage(), 400);
  return { shop };
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/** The form's fields, or a 415/400 answer for a body that is not a form. */
export async function formFields(
  request: Request,
  refused: (status: number) => Response,
): Promise<Record<string, string> | Response> {
  if (!FORM_TYPES.test(request.headers.get("content-type") ?? "")) return refused(415);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refused(400);
  }
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
  return fields;
}
