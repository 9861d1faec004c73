// discountCodeBasicCreate: a thank-you code for a next order. Codes are unique per shop, case
// insensitively, as on Shopify ("TAKEN"). Only what the app reads back is simulated.
import { describeMoney } from "../../store/currency";
import { z } from "zod";
import { connectionArgsSchema, paginate } from "../../connection";
import { toGid } from "../../gid";
import type { ShopStore } from "../../store/shop-store";
import { defineType, hasTypename, type FieldResolver } from "../define";
import { iso } from "../values";

export interface DiscountCodeRecord {
  __typename: "DiscountCodeBasic";
  nodeId: number;
  codeId: number;
  title: string;
  code: string;
  startsAt: number;
  endsAt: number | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  percentage: number | null;
  amountCents: number | null;
  createdAt: number;
}

export interface DiscountNodeRecord {
  __typename: "DiscountCodeNode";
  id: number;
  discount: DiscountCodeRecord;
}

class Discounts {
  readonly nodes: DiscountNodeRecord[] = [];
  private nextId = 1_100_000_000;
  newId(): number {
    return this.nextId++;
  }
  node(id: number): DiscountNodeRecord | undefined {
    return this.nodes.find((node) => node.id === id);
  }
}

const registry = new WeakMap<ShopStore, Discounts>();
export function discountsOf(store: ShopStore): Discounts {
  let value = registry.get(store);
  if (!value) {
    value = new Discounts();
    registry.set(store, value);
  }
  return value;
}

const createArgs = z.object({
  basicCodeDiscount: z
    .object({
      title: z.string().nullish(),
      code: z.string().nullish(),
      startsAt: z.string().nullish(),
      endsAt: z.string().nullish(),
      usageLimit: z.number().int().nullish(),
      appliesOncePerCustomer: z.boolean().nullish(),
      customerGets: z
        .object({
          value: z
            .object({
              percentage: z.number().nullish(),
              discountAmount: z
                .object({ amount: z.union([z.string(), z.number()]).nullish() })
                .nullish(),
            })
            .passthrough()
            .nullish(),
        })
        .passthrough()
        .nullish(),
    })
    .passthrough(),
});

interface DiscountUserError {
  field: string[];
  message: string;
  code: string;
  extraInfo: null;
}

export const discountCodeBasicType = defineType(
  "DiscountCodeBasic",
  hasTypename<DiscountCodeRecord>("DiscountCodeBasic"),
  {
    title: (discount) => discount.title,
    status: (discount) =>
      discount.endsAt !== null && discount.endsAt <= Date.now()
        ? "EXPIRED"
        : discount.startsAt > Date.now()
          ? "SCHEDULED"
          : "ACTIVE",
    startsAt: (discount) => iso(discount.startsAt),
    endsAt: (discount) => iso(discount.endsAt),
    createdAt: (discount) => iso(discount.createdAt),
    updatedAt: (discount) => iso(discount.createdAt),
    usageLimit: (discount) => discount.usageLimit,
    appliesOncePerCustomer: (discount) => discount.appliesOncePerCustomer,
    asyncUsageCount: () => 0,
    // A fixed discount amount is in the shop's currency (DiscountAmountInput.amount is a bare Decimal).
    summary: (discount, _args, context) =>
      discount.percentage !== null
        ? `${Math.round(discount.percentage * 100)}% off entire order`
        : `${describeMoney(discount.amountCents ?? 0, context.store.shop.currencyCode)} off entire order`,
    codesCount: () => ({ count: 1, precision: "EXACT" }),
    codes: (discount, rawArgs) => {
      const args = connectionArgsSchema
        .extend({
          query: z.string().nullish(),
          sortKey: z.string().nullish(),
          savedSearchId: z.string().nullish(),
        })
        .parse(rawArgs);
      return paginate(
        [
          {
            __typename: "DiscountRedeemCode",
            id: toGid("DiscountRedeemCode", discount.codeId),
            code: discount.code,
            asyncUsageCount: 0,
            createdBy: null,
            key: discount.codeId,
          },
        ],
        args,
        "codes",
        (item) => ({ id: item.key, value: item.key }),
      );
    },
  },
);

export const discountCodeNodeType = defineType(
  "DiscountCodeNode",
  hasTypename<DiscountNodeRecord>("DiscountCodeNode"),
  {
    id: (node) => toGid("DiscountCodeNode", node.id),
    codeDiscount: (node) => node.discount,
  },
);

export const discountMutations: Record<string, FieldResolver<unknown>> = {
  discountCodeBasicCreate: (_root, rawArgs, context) => {
    const input = createArgs.parse(rawArgs).basicCodeDiscount;
    const discounts = discountsOf(context.store);
    const errors: DiscountUserError[] = [];
    const code = input.code?.trim() ?? "";
    if (!input.title?.trim())
      errors.push({
        field: ["basicCodeDiscount", "title"],
        message: "Title can't be blank",
        code: "BLANK",
        extraInfo: null,
      });
    if (!code)
      errors.push({
        field: ["basicCodeDiscount", "code"],
        message: "Code can't be blank",
        code: "BLANK",
        extraInfo: null,
      });
    else if (
      discounts.nodes.some((node) => node.discount.code.toLowerCase() === code.toLowerCase())
    ) {
      errors.push({
        field: ["basicCodeDiscount", "code"],
        message: "Code must be unique. Please try a different code.",
        code: "TAKEN",
        extraInfo: null,
      });
    }
    const startsAt = input.startsAt ? Date.parse(input.startsAt) : Date.now();
    const endsAt = input.endsAt ? Date.parse(input.endsAt) : null;
    if (endsAt !== null && endsAt <= startsAt)
      errors.push({
        field: ["basicCodeDiscount", "endsAt"],
        message: "Ends at needs to be after starts_at",
        code: "END_DATE_BEFORE_START_DATE",
        extraInfo: null,
      });
    const value = input.customerGets?.value;
    const percentage = value?.percentage ?? null;
    const amount = value?.discountAmount?.amount;
    if (percentage === null && (amount === null || amount === undefined))
      errors.push({
        field: ["basicCodeDiscount", "customerGets", "value"],
        message: "Value can't be blank",
        code: "BLANK",
        extraInfo: null,
      });
    if (percentage !== null && (percentage <= 0 || percentage > 1))
      errors.push({
        field: ["basicCodeDiscount", "customerGets", "value", "percentage"],
        message: "Value must be between 0.0 and 1.0",
        code: "VALUE_OUTSIDE_RANGE",
        extraInfo: null,
      });
    if (errors.length > 0) return { codeDiscountNode: null, userErrors: errors };
    const node: DiscountNodeRecord = {
      __typename: "DiscountCodeNode",
      id: discounts.newId(),
      discount: {
        __typename: "DiscountCodeBasic",
        nodeId: 0,
        codeId: discounts.newId(),
        title: input.title ?? code,
        code,
        startsAt,
        endsAt,
        usageLimit: input.usageLimit ?? null,
        appliesOncePerCustomer: input.appliesOncePerCustomer ?? false,
        percentage,
        amountCents:
          amount === null || amount === undefined ? null : Math.round(Number(amount) * 100),
        createdAt: Date.now(),
      },
    };
    node.discount.nodeId = node.id;
    discounts.nodes.push(node);
    return { codeDiscountNode: node, userErrors: [] };
  },
};
