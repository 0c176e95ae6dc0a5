/**
 * Server-side SVG charts with Apache ECharts (SSR mode: no DOM, no script in
 * the output). Each chart is returned as an accessible inline <svg>.
 */
import type * as ECharts from "echarts";

let echarts: typeof ECharts | undefined;

/**
 * Loads Apache ECharts: on the first report drawn as HTML, not at start (its code and data
 * are several megabytes of memory that a service answering questions does not use).
 * `renderChartSvg` (hence `renderHtml` and `renderReport(…, "html")`) needs it loaded.
 */
export async function loadCharts(): Promise<void> {
  echarts ??= await import("echarts");
}

export interface ChartSpec {
  id: string;
  title: string;
  /** One-sentence French description read by screen readers. */
  description: string;
  option: ECharts.EChartsCoreOption;
  width?: number;
  height?: number;
}

const PALETTE = ["#005a9c", "#c0392b", "#2e7d32", "#8e44ad", "#e67e22", "#546e7a"];

export function renderChartSvg(spec: ChartSpec): string {
  const width = spec.width ?? 720;
  const height = spec.height ?? 320;
  if (!echarts) throw new Error("charts not loaded: await loadCharts() before drawing a chart");
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: "system-ui, sans-serif" },
      ...spec.option,
    });
    const svg = chart.renderToSVGString();
    // Accessible name and description; the data table next to the chart is the full alternative.
    return svg
      .replace(/^<svg /, `<svg role="img" aria-labelledby="${spec.id}-t ${spec.id}-d" focusable="false" `)
      .replace(/^(<svg[^>]*>)/, `$1<title id="${spec.id}-t">${esc(spec.title)}</title><desc id="${spec.id}-d">${esc(spec.description)}</desc>`);
  } finally {
    chart.dispose();
  }
}

export function barChart(id: string, title: string, description: string, labels: string[], values: number[], horizontal = false): ChartSpec {
  const category = { type: "category" as const, data: labels, axisLabel: { interval: 0, width: 180, overflow: "truncate" as const } };
  const value = { type: "value" as const, minInterval: 1 };
  return {
    id,
    title,
    description,
    height: horizontal ? Math.max(160, 40 + labels.length * 34) : 320,
    option: {
      grid: { left: horizontal ? 200 : 50, right: 30, top: 20, bottom: horizontal ? 30 : 60, containLabel: false },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: [{ type: "bar", data: values, label: { show: true, position: horizontal ? "right" : "top" } }],
    },
  };
}

export function lineChart(id: string, title: string, description: string, labels: string[], series: { name: string; values: number[] }[]): ChartSpec {
  return {
    id,
    title,
    description,
    option: {
      legend: { top: 0 },
      grid: { left: 50, right: 30, top: 40, bottom: 50 },
      xAxis: { type: "category", data: labels },
      yAxis: { type: "value", minInterval: 1 },
      series: series.map((s) => ({ type: "line", name: s.name, data: s.values, symbolSize: 6 })),
    },
  };
}

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
