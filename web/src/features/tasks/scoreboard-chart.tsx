import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/echart';
import { t } from '../../i18n';
import type { ScoreboardBucket, ScoreboardRow } from './task-report-queries';

// The same colours as the status tags: green done on time, orange done late, red overdue, blue in progress.
const SERIES: { bucket: Exclude<ScoreboardBucket, 'assigned'>; color: string }[] = [
  { bucket: 'doneOnTime', color: '#389e0d' },
  { bucket: 'doneLate', color: '#fa8c16' },
  { bucket: 'overdue', color: '#cf1322' },
  { bucket: 'inProgress', color: '#1677ff' },
];
export const CHART_TOP = 15;

/** Stacked bars of the agencies given the most tasks: how each one's tasks stand. A click opens that number's tasks. */
export function ScoreboardChart({ rows, onOpen }: { rows: ScoreboardRow[]; onOpen: (row: ScoreboardRow, bucket: ScoreboardBucket) => void }) {
  const top = useMemo(() => [...rows].sort((a, b) => b.assigned - a.assigned).slice(0, CHART_TOP).reverse(), [rows]);
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: SERIES.map((s) => t(`taskReport.col.${s.bucket}`)) },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map((r) => r.agencyName), axisLabel: { width: 260, overflow: 'truncate' } },
      series: SERIES.map((s) => ({
        name: t(`taskReport.col.${s.bucket}`),
        type: 'bar',
        stack: 'tasks',
        barMaxWidth: 28,
        itemStyle: { color: s.color },
        emphasis: { focus: 'series' },
        data: top.map((r) => r[s.bucket]),
      })),
    }),
    [top],
  );
  return (
    <EChart
      option={option}
      ariaLabel={t('taskReport.chart')}
      style={{ height: Math.max(220, 60 + top.length * 28) }}
      onItemClick={(item) => {
        const row = top[item.dataIndex];
        const series = SERIES[item.seriesIndex];
        if (row && series) onOpen(row, series.bucket);
      }}
    />
  );
}
