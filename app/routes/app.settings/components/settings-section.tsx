// One titled section of the settings form: Polaris's annotated layout around a card.
import { Card, Layout } from "@shopify/polaris";
import type { ReactNode } from "react";

export function SettingsSection(props: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Layout.AnnotatedSection title={props.title} description={props.description}>
      <Card>{props.children}</Card>
    </Layout.AnnotatedSection>
  );
}
