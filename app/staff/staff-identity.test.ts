// The online token's answer as Shopify documents it ("Online access token response values",
// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/token-exchange).
import { describe, expect, it } from "vitest";
import { identityFrom, mayMoveMoney, onlineTokenResponseSchema } from "./staff-identity";

const answer = (scope: string, user: Record<string, unknown> = {}) =>
  onlineTokenResponseSchema.parse({
    access_token: "shpua_x",
    scope: "read_orders,write_orders",
    expires_in: 86399,
    associated_user_scope: scope,
    associated_user: {
      id: 902541635,
      first_name: "John",
      last_name: "Smith",
      email: "john@example.com",
      email_verified: true,
      account_owner: true,
      locale: "en",
      collaborator: false,
      ...user,
    },
  });

describe("staff identity from an online token", () => {
  it("keeps id, name, owner flag and scopes, and drops the email", () => {
    const identity = identityFrom(answer("write_orders"));
    expect(identity).toEqual({
      id: "902541635",
      name: "John Smith",
      accountOwner: true,
      collaborator: false,
      scopes: ["read_orders", "write_orders"],
    });
    expect(JSON.stringify(identity)).not.toContain("john@example.com");
  });

  it("names a member without names by id, never by email", () => {
    expect(identityFrom(answer("read_orders", { first_name: "", last_name: null })).name).toBe(
      "Staff member 902541635",
    );
  });

  it("allows money jobs only with write_orders, with a message naming the member otherwise", () => {
    expect(mayMoveMoney(identityFrom(answer("read_orders,write_orders")))).toEqual({ ok: true });
    const refused = mayMoveMoney(identityFrom(answer("read_orders,write_products")));
    expect(refused).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^John Smith, your Shopify staff permissions/),
    });
    expect(mayMoveMoney(null)).toMatchObject({ ok: false });
  });
});
