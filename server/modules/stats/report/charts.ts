import { Resvg } from '@resvg/resvg-js';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartKind } from './body.js';
import { hasIndexChart, hasTrendChart } from './body.js';
import type { PeriodicReportFigures } from './figures.js';
import { monthLabel, vnCount, vnPoints } from './format.js';
import { TINOS } from './layout.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

/** A chart as a PNG, with the size it is placed at (CSS pixels, 96 per inch: 600 px ≈ 159 mm). */
export interface ChartImage {
  png: Buffer;
  width: number;
  height: number;
}

const WIDTH = 600;
const HEIGHT = 300;
// printed at about 240 dpi: sharp on paper, still a few tens of kilobytes
const ZOOM = 2.5;
const FONT = 'Tinos';
const COLORS = ['#1f4e9c', '#6b9bd8', '#e0892b', '#2e8b57'];

type Option = Parameters<echarts.ECharts['setOption']>[0];

function render(option: Option, height = HEIGHT): ChartImage {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', color: COLORS, textStyle: { fontFamily: FONT, fontSize: 12, color: '#000000' }, ...option });
    const svg = chart.renderToSVGString();
    const png = new Resvg(svg, {
      fitTo: { mode: 'zoom', value: ZOOM },
      // the server's own fonts would make the picture depend on the machine; only Tinos is used
      font: { fontFiles: [TINOS.regular, TINOS.bold], loadSystemFonts: false, defaultFontFamily: FONT },
    })
      .render()
      .asPng();
    return { png, width: WIDTH, height };
  } finally {
    chart.dispose();
  }
}

/** Points of each index group beside its maximum: the grey bar is the maximum, the blue one what was reached. */
function indexChart(f: PeriodicReportFigures): ChartImage {
  const groups = (f.serviceIndex?.groups ?? []).filter((g) => g.max > 0).reverse();
  const height = Math.max(220, 60 + groups.length * 36);
  return render(
    {
      legend: { top: 0, textStyle: { fontFamily: FONT, fontSize: 12 } },
      grid: { left: 8, right: 70, top: 30, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', max: Math.max(...groups.map((g) => g.max)), axisLabel: { formatter: (v: number) => vnCount(v) } },
      yAxis: { type: 'category', data: groups.map((g) => g.name.trim()), axisLabel: { width: 170, overflow: 'break' } },
      series: [
        {
          name: 'Điểm tối đa',
          type: 'bar',
          data: groups.map((g) => g.max),
          itemStyle: { color: '#d9d9d9' },
          barWidth: 18,
          barGap: '-100%',
          label: { show: true, position: 'right', formatter: (p: { value: unknown }) => vnCount(Number(p.value)) },
        },
        {
          name: 'Điểm đạt được',
          type: 'bar',
          data: groups.map((g) => (g.points != null && Number.isFinite(g.points) ? g.points : null)),
          itemStyle: { color: COLORS[0] },
          barWidth: 18,
          label: { show: true, position: 'insideRight', color: '#ffffff', formatter: (p: { value: unknown }) => vnPoints(Number(p.value)) ?? '' },
        },
      ],
    },
    height,
  );
}

/** Documents and dossiers per month as bars on the left axis, meetings as a line on the right (far fewer). */
function trendChart(f: PeriodicReportFigures): ChartImage {
  const months = f.monthly.map((m) => monthLabel(m.month));
  const bar = (name: string, data: number[]) => ({ name, type: 'bar' as const, data, barMaxWidth: 28 });
  return render({
    legend: { top: 0, textStyle: { fontFamily: FONT, fontSize: 12 } },
    grid: { left: 8, right: 8, top: 56, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: 'Văn bản, hồ sơ', axisLabel: { formatter: (v: number) => vnCount(v) } },
      { type: 'value', name: 'Cuộc họp', minInterval: 1, splitLine: { show: false }, axisLabel: { formatter: (v: number) => vnCount(v) } },
    ],
    series: [
      bar('Văn bản đến', f.monthly.map((m) => m.incoming)),
      bar('Văn bản đi', f.monthly.map((m) => m.outgoing)),
      bar('Hồ sơ tiếp nhận', f.monthly.map((m) => m.dossiers)),
      { name: 'Cuộc họp', type: 'line', yAxisIndex: 1, data: f.monthly.map((m) => m.meetings), symbolSize: 6, label: { show: true, formatter: (p: { value: unknown }) => vnCount(Number(p.value)) } },
    ],
  });
}

/** The charts the report has (see `reportBody`): none for a period without monthly figures or index groups. */
export function renderReportCharts(f: PeriodicReportFigures): Partial<Record<ChartKind, ChartImage>> {
  const out: Partial<Record<ChartKind, ChartImage>> = {};
  if (hasIndexChart(f)) out.index = indexChart(f);
  if (hasTrendChart(f)) out.trend = trendChart(f);
  return out;
}
