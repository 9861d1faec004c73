// Who changed the mode, by name. The session token says only *which* staff member (`sub`); their
// name comes with an online access token, which token exchange hands out for the same session
// token. We ask once per staff member and process, keep only the name, and drop the token: the
// app's Admin calls stay on the shop's offline session, so nothing else about auth changes.
import { abstractFetch } from "@shopify/shopify-api/runtime";
import { z } from "zod";
import { appEnv } from "../env.server";

const onlineTokenResponse = z.object({
  associated_user: z.object({
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
    email: z.string().nullish(),
  }),
});

const names = new Map<string, string | null>();

/** The raw session token of a request: App Bridge's bearer header, or admin's `id_token` on first load. */
export function rawSessionToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const bearer = header?.match(/^Bearer (.+)$/i)?.[1];
  return bearer ?? new URL(request.url).searchParams.get("id_token");
}

export async function staffName(
  request: Request,
  shop: string,
  userId: string,
): Promise<string | null> {
  const cacheKey = `${shop}\u0000${userId}`;
  if (names.has(cacheKey)) return names.get(cacheKey) ?? null;
  const token = rawSessionToken(request);
  if (!token) return null;
  const env = appEnv();
  let name: string | null = null;
  try {
    const response = await abstractFetch(`https://${shop}/admin/oauth/access_token`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        client_id: env.SHOPIFY_API_KEY,
        client_secret: env.SHOPIFY_API_SECRET,
        grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
        subject_token: token,
        subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
        requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token",
      }),
    });
    const parsed = onlineTokenResponse.safeParse(response.ok ? await response.json() : null);
    if (parsed.success) {
      const user = parsed.data.associated_user;
      name = [user.first_name, user.last_name].filter(Boolean).join(" ") || user.email || null;
    }
  } catch {
    // The name is a courtesy in the log; the staff id is always recorded.
    return null;
  }
  if (name) names.set(cacheKey, name);
  return name;
}
