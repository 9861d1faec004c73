// What the simulated Shopify Flow received from the app: each flowTriggerReceive it accepted,
// per shop, so tests assert what reached Flow rather than what the app meant to send.
import type { ShopStore } from "../store/shop-store";

export interface ReceivedTrigger {
  handle: string;
  payload: Record<string, unknown>;
  receivedAt: number;
}

const received = new WeakMap<ShopStore, ReceivedTrigger[]>();

export function receivedFlowTriggers(store: ShopStore): ReceivedTrigger[] {
  let list = received.get(store);
  if (!list) {
    list = [];
    received.set(store, list);
  }
  return list;
}
