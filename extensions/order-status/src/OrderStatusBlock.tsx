// The order status block (target customer-account.order-status.block.render): the current
// estimate, and "I'll wait" / "Cancel and refund me" as buttons to the customer's own signed
// wait-or-refund page. Preact and Polaris web components, as Shopify's customer account template
// does for API versions after 2025-07 (Shopify/extensions-templates,
// customer-account-extension/src/OrderStatusBlock.liquid, preact flavour).
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { loadOrderFacts } from "./order-status-query";
import { NO_VIEW, orderStatusView, type OrderStatusView } from "./order-status-view";

export default async () => {
  render(<OrderStatusBlock />, document.body);
};

function OrderStatusBlock() {
  const [view, setView] = useState<OrderStatusView>(NO_VIEW);
  const orderId = shopify.order.value?.id;

  useEffect(() => {
    if (!orderId) return;
    // Anything unexpected shows nothing: this block must never stand between a customer and
    // Shopify's own order page.
    loadOrderFacts(fetch, orderId)
      .then((order) => setView(orderStatusView(order)))
      .catch(() => setView(NO_VIEW));
  }, [orderId]);

  if (view.kind === "none") return null;
  const t = (key: string, vars?: Record<string, string>) => shopify.i18n.translate(key, vars);
  return (
    <s-section heading={t("heading")}>
      <s-stack direction="block" gap="base">
        {view.lines.map((line) => (
          <s-paragraph key={line.key}>{t(line.key, line.vars)}</s-paragraph>
        ))}
        {view.actions.length > 0 && (
          <s-stack direction="inline" gap="base">
            {view.actions.map((action) => (
              <s-button
                key={action.key}
                href={action.href}
                target="_blank"
                variant={action.primary ? "primary" : "secondary"}
              >
                {t(action.key)}
              </s-button>
            ))}
          </s-stack>
        )}
      </s-stack>
    </s-section>
  );
}
