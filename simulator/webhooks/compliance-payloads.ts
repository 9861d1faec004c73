// The mandatory compliance webhooks' bodies, built from the simulated store as Shopify builds them
// (shopify.dev "Privacy law compliance", https://shopify.dev/docs/apps/build/compliance/privacy-law-compliance):
// REST numeric ids; customers/data_request names the orders requested and the request's id;
// customers/redact names the customer and the orders to redact; shop/redact only the shop.
// They are not event-driven here (no merchant action starts them): a test sends them through
// signedWebhookRequest, as Shopify's "shopify app webhook trigger" would.
import type { ShopStore } from "../store/shop-store";

function customerOf(store: ShopStore, customerId: number) {
  const customer = store.customer(customerId);
  if (!customer) throw new Error(`No customer ${customerId} in ${store.shop.myshopifyDomain}`);
  return customer;
}

const orderIdsOf = (store: ShopStore, customerId: number) =>
  store.orders.filter((order) => order.customerId === customerId).map((order) => order.id);

export function customersRedactPayload(store: ShopStore, customerId: number) {
  const customer = customerOf(store, customerId);
  return {
    shop_id: store.shop.id,
    shop_domain: store.shop.myshopifyDomain,
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    orders_to_redact: orderIdsOf(store, customerId),
  };
}

export function customersDataRequestPayload(
  store: ShopStore,
  customerId: number,
  requestId: number,
) {
  const customer = customerOf(store, customerId);
  return {
    shop_id: store.shop.id,
    shop_domain: store.shop.myshopifyDomain,
    orders_requested: orderIdsOf(store, customerId),
    customer: { id: customer.id, email: customer.email, phone: customer.phone },
    data_request: { id: requestId },
  };
}

export function shopRedactPayload(store: ShopStore) {
  return { shop_id: store.shop.id, shop_domain: store.shop.myshopifyDomain };
}
