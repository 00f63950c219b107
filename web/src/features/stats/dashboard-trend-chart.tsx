import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/echart';
import { t, type MessageKey } from '../../i18n';
import { formatNumber } from '../../lib/format';
import './stats-echarts';
import { monthLabel } from './stats-format';
import type { MonthFigures } from './stats-types';

type Key = Exclude<keyof MonthFigures, 'month'>;
// Documents, meetings and tasks are tens to thousands a month: bars on the left axis. Dossiers run to
// tens of thousands in a province: lines on their own axis, so neither flattens the other.
const BARS: { key: Key; color: string }[] = [
  { key: 'incoming', color: '#1d4ed8' },
  { key: 'outgoing', color: '#b71c1c' },
  { key: 'meetings', color: '#d48806' },
  { key: 'tasksAssigned', color: '#7c3aed' },
];
const LINES: { key: Key; color: string }[] = [
  { key: 'dossiersReceived', color: '#13c2c2' },
  { key: 'dossiersResolved', color: '#389e0d' },
];

const label = (k: Key) => t(`dashboard.trend.${k}` as MessageKey);

/** The months of the period side by side; a click on a month narrows the dashboard to it. */
export function DashboardTrendChart({ months, tv, onMonth }: { months: MonthFigures[]; tv: boolean; onMonth?: (month: string) => void }) {
  const option = useMemo<EChartOption>(() => {
    // Only the TV's dark screen changes the colours: the light page keeps ECharts' own.
    const onDark = tv ? { color: '#dbe4f0' } : {};
    const size = { fontSize: tv ? 18 : 12 };
    const axisLabel = { ...onDark, ...size, formatter: (v: number) => formatNumber(v) };
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => formatNumber(v) },
      legend: { top: 0, textStyle: { ...onDark, ...size } },
      grid: { left: 8, right: 8, top: tv ? 64 : 56, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month)), axisLabel: { ...onDark, ...size } },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('dashboard.trend.axisWork'), nameTextStyle: { ...onDark, ...size, align: 'left' }, axisLabel },
        { type: 'value', minInterval: 1, name: t('dashboard.trend.axisDossiers'), nameTextStyle: { ...onDark, ...size, align: 'right' }, axisLabel, splitLine: { show: false } },
      ],
      series: [
        ...BARS.map((s) => ({ name: label(s.key), type: 'bar', barMaxWidth: 22, itemStyle: { color: s.color }, data: months.map((m) => m[s.key]) })),
        ...LINES.map((s) => ({ name: label(s.key), type: 'line', yAxisIndex: 1, symbolSize: 7, lineStyle: { width: 3 }, itemStyle: { color: s.color }, data: months.map((m) => m[s.key]) })),
      ],
    };
  }, [months, tv]);
  return (
    <EChart
      option={option}
      ariaLabel={t('dashboard.trend.aria')}
      style={{ height: tv ? 380 : 320 }}
      onItemClick={onMonth ? (item) => { const m = months[item.dataIndex]; if (m) onMonth(m.month); } : undefined}
    />
  );
}
