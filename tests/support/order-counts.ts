// The home page's figures, counted by hand from the simulator's store (not through its search
// code), so a test compares two independent answers.
import type { ShopStore } from "@delay-desk/simulator/store/shop-store";

export function countOrdersByShipping(store: ShopStore): { unshipped: number; partial: number } {
  let unshipped = 0;
  let partial = 0;
  for (const order of store.orders) {
    if (order.closedAt !== null || order.cancelledAt !== null) continue;
    const ordered = order.lineItems.reduce((sum, item) => sum + item.quantity, 0);
    const shipped = order.lineItems.reduce((sum, item) => sum + item.fulfilledQuantity, 0);
    if (shipped === 0) unshipped += 1;
    else if (shipped < ordered) partial += 1;
  }
  return { unshipped, partial };
}
