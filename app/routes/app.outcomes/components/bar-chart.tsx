// Bars as a plain SVG (like the dashboard's burn-down): nothing to download, nothing sent over the
// network. Screen readers get the chart's title and its one-sentence summary, and each bar's own
// figure as its <title>; the same figures are one click away as a table.
import { useId } from "react";
import type { OutcomeChart } from "../../../outcomes/outcome-charts";

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 8, right: 8, top: 10, bottom: 34 };
// Polaris's data-visualisation blues and a contrasting orange for a second series.
const COLORS = ["#2c6ecb", "#e0823d"];

export function BarChart({ chart }: { chart: OutcomeChart }) {
  const id = useId();
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, chart.bars.length);
  const barWidth = Math.max(4, (slot * 0.7) / chart.series.length);
  const plot = HEIGHT - PAD.top - PAD.bottom;
  return (
    <figure style={{ margin: 0 }} data-chart={chart.id}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t ${id}-d`}
      >
        <title id={`${id}-t`}>{chart.title}</title>
        <desc id={`${id}-d`}>{chart.summary}</desc>
        <line
          x1={PAD.left}
          y1={HEIGHT - PAD.bottom}
          x2={WIDTH - PAD.right}
          y2={HEIGHT - PAD.bottom}
          stroke="#8a8a8a"
        />
        {chart.bars.map((bar, i) => {
          const x0 = PAD.left + i * slot + (slot - barWidth * chart.series.length) / 2;
          return (
            <g key={`${bar.label}-${i}`} data-bar={bar.label}>
              <title>{`${bar.label}: ${bar.text}`}</title>
              {bar.values.map((value, s) => {
                const h = chart.max > 0 ? (Math.max(0, value) / chart.max) * plot : 0;
                return (
                  <rect
                    key={s}
                    x={x0 + s * barWidth}
                    y={HEIGHT - PAD.bottom - h}
                    width={barWidth - 1}
                    height={h}
                    fill={COLORS[s % COLORS.length]}
                  />
                );
              })}
              <text
                x={PAD.left + i * slot + slot / 2}
                y={HEIGHT - PAD.bottom + 14}
                textAnchor="middle"
                fontSize="10"
              >
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      {chart.series.length > 1 && (
        <figcaption style={{ display: "flex", gap: "1rem", fontSize: "12px" }}>
          {chart.series.map((name, s) => (
            <span key={name}>
              <span
                aria-hidden="true"
                style={{
                  display: "inline-block",
                  width: 10,
                  height: 10,
                  marginRight: 4,
                  background: COLORS[s % COLORS.length],
                }}
              />
              {name}
            </span>
          ))}
        </figcaption>
      )}
    </figure>
  );
}
