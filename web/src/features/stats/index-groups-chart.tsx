import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/echart';
import { t } from '../../i18n';
import { points } from './stats-format';
import type { ServiceIndexGroup } from './stats-types';

/** The 6 groups as the national portal shows them: the points reached drawn over the group's maximum. */
export function IndexGroupsChart({ groups }: { groups: ServiceIndexGroup[] }) {
  const option = useMemo<EChartOption>(() => {
    const names = groups.map((g) => g.name);
    return {
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (ps: { dataIndex: number }[]) => {
          const g = groups[ps[0]?.dataIndex ?? 0];
          return g ? `${g.name}<br/>${t('index766.pointsOf', { points: points(g.points), max: points(g.max) })}` : '';
        },
      },
      // No legend: each bar is labelled "points/max", and the grey behind it is the maximum.
      grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: Math.max(...groups.map((g) => g.max), 1) },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 200, overflow: 'break' } },
      series: [
        { name: t('index766.chart.max'), type: 'bar', barWidth: 20, itemStyle: { color: '#e5e7eb' }, silent: true, data: groups.map((g) => g.max), z: 1 },
        {
          name: t('index766.chart.points'),
          type: 'bar',
          barWidth: 20,
          barGap: '-100%',
          z: 2,
          data: groups.map((g) => ({ value: g.points ?? 0, itemStyle: { color: g.points !== null && g.points >= g.max * 0.9 ? '#389e0d' : g.points !== null && g.points >= g.max * 0.7 ? '#1d4ed8' : '#cf1322' } })),
          label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => { const g = groups[p.dataIndex]; return g ? `${points(g.points)}/${points(g.max)}` : ''; } },
        },
      ],
    };
  }, [groups]);
  return <EChart option={option} ariaLabel={t('index766.chart.aria')} style={{ height: Math.max(240, 56 + groups.length * 40) }} />;
}
