// The backlog burn-down as a plain SVG: no charting library to download, nothing sent over the
// network, and screen readers get a title, a summary and the figures as a table.
import { useId, useState } from "react";
import type { BurnDownPoint } from "../forecast/forecast-backlog";

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 48, right: 16, top: 12, bottom: 28 };

export interface BurnDownChartProps {
  points: readonly BurnDownPoint[];
  unit: "units" | "orders";
}

function path(
  points: readonly BurnDownPoint[],
  pick: (p: BurnDownPoint) => number,
  max: number,
): string {
  const span = Math.max(1, points.length - 1);
  return points
    .map((point, i) => {
      const x = PAD.left + (i / span) * (WIDTH - PAD.left - PAD.right);
      const y = PAD.top + (1 - pick(point) / max) * (HEIGHT - PAD.top - PAD.bottom);
      return `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
}

export function burnDownSummary(points: readonly BurnDownPoint[], unit: string): string {
  const first = points[0];
  const likelyDone = points.find((p) => p.likelyRemaining === 0);
  const last = points.at(-1);
  if (!first || !last) return "No backlog to burn down.";
  const start = Math.ceil(first.likelyRemaining).toLocaleString("en-US");
  return `${start} ${unit} left after ${first.date}; at the usual pace the backlog is cleared on ${likelyDone?.date ?? "a date beyond the chart"}, and very probably by ${last.conservativeRemaining === 0 ? last.date : "a date beyond the chart"}.`;
}

export function BurnDownChart({ points, unit }: BurnDownChartProps) {
  const id = useId();
  // The table's rows (two years of days, 730 of them) exist only while it is open: a closed
  // <details> shows nothing and gives assistive technology nothing either, and drawing them on every
  // visit was most of the dashboard's HTML and of its hydration (issue 15 point 5).
  const [tableOpen, setTableOpen] = useState(false);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  const max = Math.max(
    1,
    ...points.map((p) => Math.max(p.likelyRemaining, p.conservativeRemaining)),
  );
  const summary = burnDownSummary(points, unit);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>Backlog burn-down forecast</title>
        <desc id={`${id}-d`}>{summary}</desc>
        <line
          x1={PAD.left}
          y1={HEIGHT - PAD.bottom}
          x2={WIDTH - PAD.right}
          y2={HEIGHT - PAD.bottom}
          stroke="#8a8a8a"
        />
        <line x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={HEIGHT - PAD.bottom} stroke="#8a8a8a" />
        <text x={PAD.left - 6} y={PAD.top + 10} textAnchor="end" fontSize="11">
          {Math.round(max).toLocaleString("en-US")}
        </text>
        <text x={PAD.left - 6} y={HEIGHT - PAD.bottom} textAnchor="end" fontSize="11">
          0
        </text>
        <text x={PAD.left} y={HEIGHT - 8} fontSize="11">
          {first.date}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" fontSize="11">
          {last.date}
        </text>
        <path
          d={path(points, (p) => p.conservativeRemaining, max)}
          fill="none"
          stroke="#b98900"
          strokeWidth="2"
          strokeDasharray="6 4"
        />
        <path
          d={path(points, (p) => p.likelyRemaining, max)}
          fill="none"
          stroke="#2c6ecb"
          strokeWidth="2"
        />
      </svg>
      <figcaption style={{ fontSize: "0.8125rem" }}>
        <span style={{ color: "#2c6ecb" }}>━</span> usual pace ·{" "}
        <span style={{ color: "#b98900" }}>╍</span> conservative pace — {unit} left to ship at the
        end of each day
      </figcaption>
      <details onToggle={(event) => setTableOpen(event.currentTarget.open)}>
        <summary>Figures as a table</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Left, usual pace</th>
              <th scope="col">Left, conservative</th>
            </tr>
          </thead>
          <tbody>
            {tableOpen
              ? points.map((p) => (
                  <tr key={p.date}>
                    <th scope="row">{p.date}</th>
                    <td>{Math.ceil(p.likelyRemaining)}</td>
                    <td>{Math.ceil(p.conservativeRemaining)}</td>
                  </tr>
                ))
              : null}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
