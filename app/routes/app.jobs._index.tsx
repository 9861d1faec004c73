// The shop's bulk jobs (remedies, notices), newest first, so a running job's progress can be
// found again after leaving its page. Refreshes itself while any job is still working.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { Badge, Card, Page, ProgressBar, Text } from "@shopify/polaris";
import { EmptyCard } from "../home/empty-card";
import { useEffect } from "react";
import { ReadOnlyTable } from "../components/read-only-table";
import { JOB_STATUS_TONE, jobStatusLabel } from "../jobs/job-status-tone";
import db from "../db.server";
import { listJobs } from "../jobs/jobs.server";
import { appServices } from "../services.server";
import { shopClock } from "../locale/shop-zone.server";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const jobs = await listJobs(db, session.shop, 50);
  const clock = await shopClock(request, db, session.shop, admin);
  return {
    jobs: jobs.map((job) => ({
      ...job,
      createdAtText: clock.time(job.createdAt),
      label: appServices().jobKinds.get(job.kind)?.label ?? job.kind,
    })),
  };
};

const REFRESH_MS = 2_000;

export default function JobsPage() {
  const { jobs } = useLoaderData<typeof loader>();
  const { revalidate, state } = useRevalidator();
  const working = jobs.some((job) => job.status === "running" || job.status === "pending");
  useEffect(() => {
    if (!working || state !== "idle") return;
    const timer = setTimeout(revalidate, REFRESH_MS);
    return () => clearTimeout(timer);
  }, [working, state, revalidate]);

  return (
    <Page
      title="Jobs"
      subtitle="Bulk remedies and notices, newest first"
      backAction={{ content: "Dashboard", url: "/app" }}
    >
      <Card padding="0">
        {jobs.length === 0 ? (
          <EmptyCard heading="No jobs yet">
            Select orders on the Orders page to refund them, send a free add-on, or tell their
            customers.
          </EmptyCard>
        ) : (
          <ReadOnlyTable
            noun={{ singular: "job", plural: "jobs" }}
            headings={["Job", "Started", "Status", "Progress", "Failed"]}
            rows={jobs}
            rowId={(job) => job.id}
            cells={(job) => {
              const finished = job.counts.done + job.counts.failed + job.counts.skipped;
              return [
                <Link to={`/app/jobs/${job.id}`}>{job.label}</Link>,
                job.createdAtText,
                <Badge tone={JOB_STATUS_TONE[job.status]}>{jobStatusLabel(job.status)}</Badge>,
                <div style={{ minWidth: 160 }}>
                  <ProgressBar
                    progress={job.total === 0 ? 100 : Math.round((finished / job.total) * 100)}
                    size="small"
                  />
                  <Text as="span" variant="bodySm" tone="subdued">
                    {finished} of {job.total}
                  </Text>
                </div>,
                job.counts.failed,
              ];
            }}
          />
        )}
      </Card>
    </Page>
  );
}
