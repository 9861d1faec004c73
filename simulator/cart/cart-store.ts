// The demo storefront's carts: one per browser (a `cart` cookie), per shop, in memory.
import { randomBytes } from "node:crypto";
import type { ShopStore } from "../store/shop-store";

export interface CartLine {
  variantId: number;
  quantity: number;
}

const cartsByStore = new WeakMap<ShopStore, Map<string, CartLine[]>>();

function cartsOf(store: ShopStore): Map<string, CartLine[]> {
  let carts = cartsByStore.get(store);
  if (!carts) {
    carts = new Map();
    cartsByStore.set(store, carts);
  }
  return carts;
}

export function newCartToken(): string {
  return randomBytes(12).toString("hex");
}

export function cartLines(store: ShopStore, token: string | undefined): CartLine[] {
  return token ? [...(cartsOf(store).get(token) ?? [])] : [];
}

/** Adds lines (merging by variant) and returns the whole cart. */
export function addToCart(store: ShopStore, token: string, lines: readonly CartLine[]): CartLine[] {
  const cart = cartLines(store, token);
  for (const line of lines) {
    const existing = cart.find((c) => c.variantId === line.variantId);
    if (existing) existing.quantity += line.quantity;
    else cart.push({ ...line });
  }
  cartsOf(store).set(token, cart);
  return cart;
}

/** Merges `adding` into `current` without storing, for validating the cart as it would become. */
export function mergedLines(current: readonly CartLine[], adding: readonly CartLine[]): CartLine[] {
  const merged = current.map((line) => ({ ...line }));
  for (const line of adding) {
    const existing = merged.find((c) => c.variantId === line.variantId);
    if (existing) existing.quantity += line.quantity;
    else merged.push({ ...line });
  }
  return merged;
}

export function clearCart(store: ShopStore, token: string | undefined): void {
  if (token) cartsOf(store).delete(token);
}
