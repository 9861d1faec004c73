// discountCodeBasicCreate end to end: a code is created and read back; the same code again is TAKEN.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../index";
import { startRemedySimulator } from "../../../tests/support/remedy-simulator";

let sim: RunningSimulator;
let gql: Awaited<ReturnType<typeof startRemedySimulator>>["gql"];
beforeAll(async () => {
  ({ sim, gql } = await startRemedySimulator());
});
afterAll(async () => {
  await sim?.close();
});

const CREATE = `mutation Create($input: DiscountCodeBasicInput!) { discountCodeBasicCreate(basicCodeDiscount: $input) {
  codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title status codes(first: 1) { nodes { code } } } } } userErrors { field message code } } }`;
const input = (code: string) => ({
  title: "Thank you for waiting",
  code,
  startsAt: "2020-01-01T00:00:00Z",
  customerGets: { value: { percentage: 0.15 }, items: { all: true } },
  context: { all: "ALL" },
  usageLimit: 1,
  appliesOncePerCustomer: true,
});

describe("discountCodeBasicCreate", () => {
  it("creates a code that reads back, and refuses the same code again as TAKEN", async () => {
    const created = await gql(CREATE, { input: input("THANKS-1042") });
    expect(created.errors).toBeUndefined();
    expect(created.extensions.cost.requestedQueryCost).toBe(10);
    const node = created.data.discountCodeBasicCreate.codeDiscountNode;
    expect(node.id).toMatch(/^gid:\/\/shopify\/DiscountCodeNode\/\d+$/);
    expect(node.codeDiscount).toEqual({
      title: "Thank you for waiting",
      status: "ACTIVE",
      codes: { nodes: [{ code: "THANKS-1042" }] },
    });
    const read = await gql(
      `query N($id: ID!) { node(id: $id) { id ... on DiscountCodeNode { codeDiscount { ... on DiscountCodeBasic { title } } } } }`,
      { id: node.id },
    );
    expect(read.data.node).toEqual({
      id: node.id,
      codeDiscount: { title: "Thank you for waiting" },
    });

    const duplicate = await gql(CREATE, { input: input("thanks-1042") });
    expect(duplicate.data.discountCodeBasicCreate).toEqual({
      codeDiscountNode: null,
      userErrors: [
        {
          field: ["basicCodeDiscount", "code"],
          message: "Code must be unique. Please try a different code.",
          code: "TAKEN",
        },
      ],
    });
  });
});
