import { Button, Segmented, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { t } from '../../i18n';
import { groupOf, type AgencyGroup } from './dashboard-agencies';
import { count, gradeColor, points } from './stats-format';
import type { ServiceIndexResponse } from './stats-types';

type Unit = ServiceIndexResponse['units'][number];
const GROUPS: AgencyGroup[] = ['all', 'department', 'commune'];

/** Each department's and commune's own index for the period, best first; a name opens that unit's breakdown. */
export function IndexUnits({ units, onScope }: { units: Unit[]; onScope: (agencyId: string) => void }) {
  const [group, setGroup] = useState<AgencyGroup>('all');
  const shown = useMemo(() => (group === 'all' ? units : units.filter((u) => groupOf(u.type) === group)), [units, group]);
  // The rank among the units shown, by total (equal totals share a rank), whatever the table is sorted by.
  const rankOf = useMemo(() => {
    const totals = shown.map((u) => u.total ?? -1).sort((a, b) => b - a);
    return new Map(shown.map((u) => [u.agencyId, totals.indexOf(u.total ?? -1) + 1]));
  }, [shown]);
  const columns: TableColumnsType<Unit> = [
    { key: 'rank', title: t('index766.col.rank'), width: 72, align: 'right', render: (_, u) => (u.total === null ? '—' : rankOf.get(u.agencyId)) },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('index766.col.unit'),
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
      render: (name: string, u) => (
        <Tooltip title={t('index766.scopeTo')}>
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onScope(u.agencyId)}>
            {name}
          </Button>
        </Tooltip>
      ),
    },
    { key: 'kind', title: t('index766.col.kind'), width: 170, render: (_, u) => t(`dashboard.agencyGroup.${groupOf(u.type)}`) },
    {
      key: 'total',
      dataIndex: 'total',
      title: t('index766.col.total'),
      align: 'right',
      width: 110,
      defaultSortOrder: 'descend',
      sorter: (a, b) => (a.total ?? -1) - (b.total ?? -1),
      render: (v: number | null) => <strong>{points(v)}</strong>,
    },
    { key: 'grade', dataIndex: 'grade', title: t('index766.col.grade'), width: 120, render: (g: string | null) => (g ? <Tag color={gradeColor(g)}>{g}</Tag> : '—') },
  ];
  return (
    <>
      <Segmented<AgencyGroup>
        value={group}
        onChange={setGroup}
        aria-label={t('dashboard.agencyGroup')}
        options={GROUPS.map((g) => ({ value: g, label: `${t(`dashboard.agencyGroup.${g}`)} (${count(g === 'all' ? units.length : units.filter((u) => groupOf(u.type) === g).length)})` }))}
        style={{ marginBottom: 12 }}
      />
      <Table<Unit> rowKey="agencyId" size="small" bordered dataSource={shown} columns={columns} pagination={shown.length > 30 ? { pageSize: 30, showSizeChanger: false } : false} locale={{ emptyText: t('index766.noUnits') }} />
    </>
  );
}
