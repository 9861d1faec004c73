// The two JSON metafields the app writes (the storefront notice on the app installation, the order
// status on each order) are read and written the same way: whatever is stored is only trusted
// once it parses, and what is written is parsed first, since a type alone does not check dates or
// ranges. The schema is taken by shape: the notice contract is classic zod, the order status one
// zod/v4/mini (it ships in the customer account extension's bundle).

interface JsonMetafield {
  namespace: string;
  key: string;
  type: "json";
}

interface Contract<T> {
  parse(data: unknown): T;
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** A stored value (the metafield's JSON string, or already parsed), or null if it is not valid. */
export function parseJsonMetafield<T>(contract: Contract<T>, value: unknown): T | null {
  let candidate = value;
  if (typeof value === "string") {
    try {
      candidate = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const parsed = contract.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** The `MetafieldsSetInput` for `metafieldsSet`, after checking the value against the contract. */
export function jsonMetafieldInput<T>(
  definition: JsonMetafield,
  contract: Contract<T>,
  ownerId: string,
  value: T,
) {
  return {
    ownerId,
    namespace: definition.namespace,
    key: definition.key,
    type: definition.type,
    value: JSON.stringify(contract.parse(value)),
  };
}
