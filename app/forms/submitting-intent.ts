// Which of a page's buttons shows the spinner: the one whose form is being submitted with its
// intent (a page with several intents posts them all to one action).
import type { useNavigation } from "@remix-run/react";

export function submittingIntent(
  navigation: Pick<ReturnType<typeof useNavigation>, "state" | "formData">,
  intent: string,
): boolean {
  return navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
}
