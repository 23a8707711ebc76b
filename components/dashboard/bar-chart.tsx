// A small server-rendered SVG bar chart: no chart library, accessible (a table of the same numbers
// is offered beside it for screen readers and CSV-minded people).
export interface Bar {
  label: string;
  value: number;
  href?: string;
}

const HEIGHT = 160;
const GAP = 2;

export function BarChart({ title, bars, color = "#1f6feb", unit = "" }: { title: string; bars: Bar[]; color?: string; unit?: string }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const width = Math.max(240, bars.length * 14);
  const barWidth = Math.max(3, width / Math.max(1, bars.length) - GAP);
  const total = bars.reduce((s, b) => s + b.value, 0);
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4" data-chart={title}>
      <figcaption className="mb-2 flex justify-between text-sm font-medium">
        <span>{title}</span>
        <span className="text-slate-500 tabular-nums">total {total.toLocaleString("pt-BR")}{unit}</span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${HEIGHT + 18}`} className="h-48 w-full" role="img" aria-label={`${title}: ${bars.map((b) => `${b.label} ${b.value}`).join(", ")}`} preserveAspectRatio="none">
        <line x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} stroke="#cbd5e1" />
        {bars.map((b, i) => {
          const h = (b.value / max) * (HEIGHT - 10);
          const x = i * (barWidth + GAP);
          return (
            <g key={b.label}>
              <rect x={x} y={HEIGHT - h} width={barWidth} height={h} fill={color} rx={1}>
                <title>{`${b.label}: ${b.value.toLocaleString("pt-BR")}${unit}`}</title>
              </rect>
              {bars.length <= 16 || i % Math.ceil(bars.length / 8) === 0 ? (
                <text x={x + barWidth / 2} y={HEIGHT + 13} fontSize={9} textAnchor="middle" fill="#64748b">{b.label}</text>
              ) : null}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
