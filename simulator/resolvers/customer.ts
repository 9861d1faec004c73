// Customers.
import { toGid } from "../gid";
import type { CustomerRecord, OrderRecord } from "../store/records";
import { defineType, hasTypename } from "./define";
import { listResource, ordersResource } from "./listing";
import { iso, mailingAddress, moneyV2 } from "./values";

export const customerType = defineType("Customer", hasTypename<CustomerRecord>("Customer"), {
  id: (customer) => toGid("Customer", customer.id),
  legacyResourceId: (customer) => String(customer.id),
  firstName: (customer) => customer.firstName,
  lastName: (customer) => customer.lastName,
  displayName: (customer) => `${customer.firstName} ${customer.lastName}`,
  email: (customer) => customer.email,
  phone: (customer) => customer.phone,
  note: () => null,
  locale: () => "en",
  state: () => "ENABLED",
  verifiedEmail: () => true,
  taxExempt: () => false,
  tags: (customer) => customer.tags,
  createdAt: (customer) => iso(customer.createdAt),
  updatedAt: (customer) => iso(customer.updatedAt),
  numberOfOrders: (customer) => String(customer.orderIds.length),
  amountSpent: (customer, _args, context) =>
    moneyV2(customer.amountSpentCents, context.store.shop.currencyCode),
  defaultAddress: (customer) => mailingAddress(customer.address, customer.id, "CustomerAddress"),
  defaultEmailAddress: (customer) => ({
    emailAddress: customer.email,
    marketingState: customer.acceptsMarketing ? "SUBSCRIBED" : "NOT_SUBSCRIBED",
  }),
  lastOrder: (customer, _args, context) => {
    const lastId = customer.orderIds[customer.orderIds.length - 1];
    return lastId === undefined ? null : (context.store.order(lastId) ?? null);
  },
  orders: (customer, args, context, info) => {
    const orders: OrderRecord[] = customer.orderIds.flatMap((id) => context.store.order(id) ?? []);
    return listResource(ordersResource, args, context, info, orders);
  },
});
