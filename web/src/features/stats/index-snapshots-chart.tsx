import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/echart';
import { t } from '../../i18n';
import './stats-echarts';
import { monthLabel, points } from './stats-format';
import type { ServiceIndexSnapshot } from './stats-types';

/** The total of each month's snapshot, oldest first: is the index going up? */
export function IndexSnapshotsChart({ items }: { items: ServiceIndexSnapshot[] }) {
  const sorted = useMemo(() => [...items].sort((a, b) => a.month.localeCompare(b.month)), [items]);
  const option = useMemo<EChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number }[]) => {
          const s = sorted[ps[0]?.dataIndex ?? 0];
          return s ? `${t('index766.snapshots.month', { month: monthLabel(s.month) })}<br/>${t('index766.snapshots.total', { points: points(s.total) })}${s.grade ? ` · ${s.grade}` : ''}` : '';
        },
      },
      grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: sorted.map((s) => monthLabel(s.month)) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'line',
          name: t('index766.snapshots.series'),
          data: sorted.map((s) => s.total),
          connectNulls: false,
          symbolSize: 8,
          lineStyle: { width: 3, color: '#b71c1c' },
          itemStyle: { color: '#b71c1c' },
          label: { show: true, position: 'top', formatter: (p: { value: number | null }) => points(p.value) },
        },
      ],
    }),
    [sorted],
  );
  return <EChart option={option} ariaLabel={t('index766.snapshots.aria')} style={{ height: 280 }} />;
}
