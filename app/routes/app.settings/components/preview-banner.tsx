// What a rules change would do, before anything is saved (the action's "preview" intent).
import { Banner } from "@shopify/polaris";
import type { RulesChangePreview } from "../../../promise/rules-change";

export function PreviewBanner({ preview }: { preview: RulesChangePreview }) {
  const n = (value: number) => value.toLocaleString("en-US");
  const { before, after } = preview.counts;
  return (
    <Banner title="What this change would do (nothing is saved yet)" tone="info">
      <div data-testid="settings-preview">
        <p>
          {`${n(preview.keepPromise)} of ${n(preview.openOrders)} open orders keep the promise they were given`}
          {preview.wouldHaveDiffered > 0
            ? ` (${n(preview.wouldHaveDiffered)} would have been promised a different date under the new rules; their promise stays).`
            : "."}
        </p>
        <p>
          {preview.newOrderPromise.before === preview.newOrderPromise.after
            ? `New orders placed now are still promised ${preview.newOrderPromise.after}.`
            : `New orders placed now would be promised ${preview.newOrderPromise.after} (now ${preview.newOrderPromise.before}).`}
        </p>
        <p>
          {`Forecast after the change: ${n(after.overdue)} overdue, ${n(after.at_risk)} at risk, ${n(after.on_track)} on track (now ${n(before.overdue)}, ${n(before.at_risk)}, ${n(before.on_track)}).`}
        </p>
      </div>
    </Banner>
  );
}
