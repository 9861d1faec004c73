// What the app cannot do while Shopify withholds customers' emails or names (protected customer
// data not approved): said on the dashboard and the notices page, with the way out.
import { Banner, Text } from "@shopify/polaris";
import type { CustomerDataAvailability } from "../admin-api/redactions";
import { customerDataNotices } from "./customer-data-notices";

export function CustomerDataBanner({ availability }: { availability: CustomerDataAvailability }) {
  const notices = customerDataNotices(availability);
  if (notices.length === 0) return null;
  return (
    <Banner tone="warning" title={notices[0] ?? ""}>
      {notices.slice(1).map((line) => (
        <Text as="p" key={line}>
          {line}
        </Text>
      ))}
      <Text as="p">
        Shopify shares this data once it approves Delay Desk for protected customer data (Partner
        Dashboard, API access requests).
        {availability.orders
          ? " Importing, forecasting, the storefront notice and remedies keep working."
          : " Pausing sales and the storefront notice keep working."}
      </Text>
    </Banner>
  );
}
