"use client";
// A bar chart with axes and tooltips (Chart.js, drawn on a canvas in the browser; no eval, no inline
// scripts, works offline), and the same numbers as a table: hidden visually but read by screen readers
// until "Ver tabela" shows it to everyone. The choice of library is explained in docs/decisoes.md (ADR-8).
import { useEffect, useId, useRef, useState } from "react";
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from "chart.js";
import { formatInteger } from "@/lib/format/number";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface Bar {
  label: string;
  value: number;
}

/** At most this many x labels are drawn; the others stay in the tooltips and the table. */
const MAX_X_TICKS = 10;

export function BarChart({ title, bars, color = "#1f6feb", unit = "", categoryLabel = "Dia", valueLabel = "Valor" }: {
  title: string;
  bars: Bar[];
  color?: string;
  unit?: string;
  /** Headers of the table's two columns. */
  categoryLabel?: string;
  valueLabel?: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const tableId = useId();
  const [showTable, setShowTable] = useState(false);
  const total = bars.reduce((s, b) => s + b.value, 0);
  const peak = bars.reduce<Bar | null>((best, b) => (best === null || b.value > best.value ? b : best), null);
  const text = (v: number) => `${formatInteger(v)}${unit}`;

  // Named effect: draw the chart on the canvas, redraw when the numbers change, free it on unmount.
  useEffect(function drawChart() {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: "bar",
      data: { labels: bars.map((b) => b.label), datasets: [{ label: title, data: bars.map((b) => b.value), backgroundColor: color, borderRadius: 2 }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: "pt-BR",
        // The tooltip follows the pointer's column, so short (or zero) bars are as easy to read as tall ones.
        interaction: { mode: "index", intersect: false },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: (item) => text(Number(item.raw)) } },
        },
        scales: {
          x: { grid: { display: false }, ticks: { autoSkip: true, maxTicksLimit: MAX_X_TICKS, maxRotation: 0 } },
          y: { beginAtZero: true, ticks: { precision: 0, callback: (v) => formatInteger(Number(v)) } },
        },
      },
    });
    return function destroyChart() {
      chart.destroy();
    };
  }, [bars, color, title]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <figure className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-chart={title}>
      <figcaption className="mb-2 flex flex-wrap items-center justify-between gap-2 text-sm font-medium">
        <span>{title}</span>
        <span className="flex items-center gap-3">
          <span className="tabular-nums text-slate-500">total {text(total)}</span>
          <Button variant="link" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
            {showTable ? "Ver gráfico" : "Ver tabela"}
          </Button>
        </span>
      </figcaption>
      {/* A class, not a style attribute: a strict CSP (no 'unsafe-inline' styles) would drop the attribute. */}
      <div className={showTable ? "hidden" : "relative h-52"}>
        <canvas ref={canvas} role="img"
          aria-label={`${title}: total ${text(total)}${peak && peak.value > 0 ? `; maior valor ${text(peak.value)} em ${peak.label}` : ""}. Os valores estão na tabela.`} />
      </div>
      <div id={tableId} className={showTable ? "max-h-64 overflow-y-auto" : "sr-only"}>
        <DataTable>
          <caption className="sr-only">{title}</caption>
          <thead className="text-left text-slate-500"><tr><th scope="col">{categoryLabel}</th><th scope="col" className="text-right">{valueLabel}</th></tr></thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.label} className="border-t border-slate-100"><td>{b.label}</td><td className="text-right tabular-nums">{text(b.value)}</td></tr>
            ))}
          </tbody>
        </DataTable>
      </div>
    </figure>
  );
}
