import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_QUERY_COST, actualQueryCost, maxCostExceededError, requestedQueryCost } from "./cost";
import { adminSchema } from "./schema";

const schema = adminSchema();

function costInput(query: string, variables?: Record<string, unknown>) {
  const document = parse(query);
  const operation = getOperationAST(document);
  if (!operation) throw new Error("no operation");
  return { schema, document, operation, variables };
}

function requested(query: string, variables?: Record<string, unknown>): number {
  return requestedQueryCost(costInput(query, variables));
}

describe("requestedQueryCost (figures worked out by hand from Shopify's rules)", () => {
  it("charges 1 for an object and nothing for its scalars", () => {
    expect(requested("{ shop { name id currencyCode } }")).toBe(1);
  });

  it("charges a connection 2 plus first x one node; pageInfo and cursors are free", () => {
    expect(
      requested(
        "{ orders(first: 10) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }",
      ),
    ).toBe(12);
    expect(requested("{ orders(last: 250) { nodes { id } } }")).toBe(252);
  });

  it("multiplies nested connections", () => {
    // node = order 1 + customer 1 + lineItems (2 + 5 x (line item 1 + variant 1)) = 14; 2 + 10 x 14
    const query = `{ orders(first: 10) { nodes { id customer { id } lineItems(first: 5) { edges { node { id variant { id } } } } } } }`;
    expect(requested(query)).toBe(142);
  });

  it("sizes by variables and falls back to their defaults", () => {
    const query = "query Orders($n: Int = 20) { orders(first: $n) { nodes { id } } }";
    expect(requested(query, { n: 50 })).toBe(52);
    expect(requested(query)).toBe(22);
  });

  it("charges each root field of a mutation 10", () => {
    expect(
      requested(
        `mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["late"]) { node { id } userErrors { message } } }`,
      ),
    ).toBe(10);
    expect(
      requested(`mutation { a: tagsAdd(id: "gid://shopify/Order/1", tags: ["x"]) { userErrors { message } }
        b: tagsRemove(id: "gid://shopify/Order/1", tags: ["y"]) { userErrors { message } } }`),
    ).toBe(20);
  });

  it("prices an interface at its most expensive possible selection", () => {
    // node 1 + max(Order: lineItems 2 + 5 x 1, Customer: 0)
    const query = `{ node(id: "gid://shopify/Order/1") { id ... on Order { lineItems(first: 5) { nodes { id } } } ... on Customer { email } } }`;
    expect(requested(query)).toBe(8);
  });

  it("sizes a plain list by first, and nodes(ids:) by its ids", () => {
    expect(
      requested(`{ order(id: "gid://shopify/Order/1") { fulfillments(first: 5) { id } } }`),
    ).toBe(8);
    expect(
      requested(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ["a", "b", "c"] }),
    ).toBe(5);
  });

  it("follows fragments, charges aliases separately and skips what @skip/@include leave out", () => {
    expect(
      requested("{ orders(first: 3) { nodes { ...F } } } fragment F on Order { customer { id } }"),
    ).toBe(8);
    expect(
      requested("{ a: orders(first: 3) { nodes { id } } b: orders(first: 4) { nodes { id } } }"),
    ).toBe(11);
    const conditional =
      "query($s: Boolean!) { shop { name } orders(first: 10) @skip(if: $s) { nodes { id } } }";
    expect(requested(conditional, { s: true })).toBe(1);
    expect(requested(conditional, { s: false })).toBe(13);
  });

  it("finds a query over the single-query limit", () => {
    // 2 + 250 x (order 1 + lineItems 2 + 250 x 1)
    expect(
      requested("{ orders(first: 250) { nodes { lineItems(first: 250) { nodes { id } } } } }"),
    ).toBe(63252);
  });
});

describe("actualQueryCost", () => {
  it("counts the nodes actually returned", () => {
    const query = `{ orders(first: 10) { nodes { id customer { id } lineItems(first: 5) { edges { node { id variant { id } } } } } } }`;
    const data = {
      orders: {
        nodes: [
          {
            id: "1",
            customer: { id: "c" },
            lineItems: {
              edges: [
                { node: { id: "l1", variant: { id: "v" } } },
                { node: { id: "l2", variant: { id: "v" } } },
                { node: { id: "l3", variant: null } },
              ],
            },
          },
          { id: "2", customer: null, lineItems: { edges: [] } },
        ],
      },
    };
    // order 1: 1 + 1 + (2 + 2 + 2 + 1) = 9; order 2: 1 + 0 + 2 = 3; 2 + 12
    expect(actualQueryCost({ ...costInput(query), data })).toBe(14);
  });

  it("charges an empty connection its base cost only", () => {
    expect(
      actualQueryCost({
        ...costInput("{ orders(first: 50) { nodes { id } } }"),
        data: { orders: { nodes: [] } },
      }),
    ).toBe(2);
  });

  it("charges a mutation that ran in full", () => {
    const query = `mutation { tagsAdd(id: "gid://shopify/Order/1", tags: ["x"]) { userErrors { message } } }`;
    expect(actualQueryCost({ ...costInput(query), data: { tagsAdd: null } })).toBe(10);
    expect(actualQueryCost({ ...costInput(query), data: null })).toBe(0);
  });

  it("uses __typename to price an interface by what came back", () => {
    const query = `{ node(id: "x") { __typename ... on Order { lineItems(first: 5) { nodes { id } } } } }`;
    const data = { node: { __typename: "Order", lineItems: { nodes: [{ id: "a" }] } } };
    expect(actualQueryCost({ ...costInput(query), data })).toBe(4);
  });
});

describe("maxCostExceededError", () => {
  it("has Shopify's message and extensions", () => {
    const error = maxCostExceededError(1752);
    expect(
      error.message.startsWith(
        "Query cost is 1752, which exceeds the single query max cost limit (1000).",
      ),
    ).toBe(true);
    expect(error.extensions).toMatchObject({
      code: "MAX_COST_EXCEEDED",
      cost: 1752,
      maxCost: MAX_QUERY_COST,
    });
  });
});
