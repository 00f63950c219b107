import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/echart';
import { t } from '../../i18n';
import type { DossierStatsRow } from './dossier-stats-queries';

// green early, teal on time, red late; blue still in time, orange overdue (as the queues colour them)
const SERIES = [
  { key: 'early', color: '#389e0d', value: (r: DossierStatsRow) => r.resolved.early },
  { key: 'onTime', color: '#13c2c2', value: (r: DossierStatsRow) => r.resolved.onTime },
  { key: 'late', color: '#cf1322', value: (r: DossierStatsRow) => r.resolved.late },
  { key: 'pendingInTime', color: '#1677ff', value: (r: DossierStatsRow) => r.pending.inTime },
  { key: 'pendingOverdue', color: '#fa8c16', value: (r: DossierStatsRow) => r.pending.overdue },
] as const;
export const CHART_TOP = 15;

/** Stacked bars of the groups with the most dossiers: how their dossiers were resolved and how the open ones stand. */
export function DossierStatsChart({ rows }: { rows: DossierStatsRow[] }) {
  const top = useMemo(
    () =>
      [...rows]
        .sort((a, b) => b.resolved.total + b.pending.total - (a.resolved.total + a.pending.total))
        .slice(0, CHART_TOP)
        .reverse(),
    [rows],
  );
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, data: SERIES.map((s) => t(`dossierStats.series.${s.key}`)) },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map((r) => r.label), axisLabel: { width: 260, overflow: 'truncate' } },
      series: SERIES.map((s) => ({ name: t(`dossierStats.series.${s.key}`), type: 'bar', stack: 'dossiers', barMaxWidth: 28, itemStyle: { color: s.color }, emphasis: { focus: 'series' }, data: top.map(s.value) })),
    }),
    [top],
  );
  return <EChart option={option} ariaLabel={t('dossierStats.chart')} style={{ height: Math.max(220, 60 + top.length * 28) }} />;
}
