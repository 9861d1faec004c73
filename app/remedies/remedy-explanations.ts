// What each remedy does to the order in Shopify, in the merchant's words, on its confirm page:
// the two refunds differ in whether the order stays open (and still ships), which is the choice a
// merchant must make knowingly.
import type { Remedy } from "./remedy-request.server";

export const REMEDY_EXPLANATIONS: Readonly<Record<Remedy, string>> = {
  refund:
    "Refunds everything the customer paid, shipping included. The order stays open in Shopify and in Delay Desk: you still ship it when it is ready, at no charge to the customer. To stop the order, use Cancel and refund.",
  cancel_refund:
    "Cancels the order in Shopify, refunds everything the customer paid, shipping included, and puts unshipped items back in stock. The order leaves the late list and will not ship.",
  add_on:
    "Adds the chosen item to each order at no charge (an order edit in Shopify); it ships with the rest. Nothing is refunded.",
  shipping:
    "Either refunds what the customer paid for shipping, or upgrades each order to faster shipping at your cost. The order stays open and ships.",
  discount_code:
    "Creates a one-time discount code for each order's customer, for their next order; each code is on its order's timeline. Delay Desk does not email the codes yet: send them yourself. The order itself does not change.",
};
