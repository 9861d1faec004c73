// Renders app pages for component tests the way the app frame does: inside Polaris's AppProvider
// with its English translations, under Remix's test router (createRemixStub) so loaders, actions,
// <Form> and navigation work without a server. Needs a DOM (`// @vitest-environment happy-dom`).
import { createRemixStub } from "@remix-run/testing";
import { AppProvider } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";

export function renderPage(routes: Parameters<typeof createRemixStub>[0], path: string) {
  const Stub = createRemixStub(routes);
  render(
    <AppProvider i18n={en}>
      <Stub initialEntries={[path]} />
    </AppProvider>,
  );
  return userEvent.setup();
}
