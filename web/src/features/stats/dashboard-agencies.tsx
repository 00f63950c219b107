import { Button, Segmented, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCurrentUser } from '../../app/session';
import { t } from '../../i18n';
import type { ScoreboardBucket } from '../tasks/task-report-queries';
import { AgencyTasksDrawer, type OpenedTasks } from './agency-tasks-drawer';
import { statsDrillPath, type DrillMeasure } from './drill-paths';
import { count, percent, rateColor } from './stats-format';
import type { Period } from './stats-period';
import type { AgencyFigures } from './stats-types';

export type AgencyGroup = 'all' | 'department' | 'commune';
const GROUPS: AgencyGroup[] = ['all', 'department', 'commune'];
const COMMUNE_TYPES = new Set(['commune_committee', 'ward_committee', 'special_zone_committee']);
export const groupOf = (type: string): Exclude<AgencyGroup, 'all'> => (COMMUNE_TYPES.has(type) ? 'commune' : 'department');

type CountKey = 'incoming' | 'outgoing' | 'tasksAssigned' | 'tasksDoneOnTime' | 'tasksOverdue' | 'dossiersReceived' | 'dossiersResolved' | 'dossiersOpenOverdue';
type RateKey = 'tasksOnTimeRate' | 'dossiersOnTimeRate';
const TASK_BUCKETS: Partial<Record<CountKey, ScoreboardBucket>> = { tasksAssigned: 'assigned', tasksDoneOnTime: 'doneOnTime', tasksOverdue: 'overdue' };
// the dossier and document columns open the drill-down list of that agency, as the dashboard's own numbers do
const DRILL_MEASURES: Partial<Record<CountKey, DrillMeasure>> = { incoming: 'incoming', outgoing: 'outgoing', dossiersReceived: 'received', dossiersResolved: 'resolved', dossiersOpenOverdue: 'open_overdue' };
const RED_WHEN_ANY = new Set<CountKey>(['tasksOverdue', 'dossiersOpenOverdue']);

interface Props {
  rows: AgencyFigures[];
  period: Period;
  /** narrows the dashboard to one agency */
  onScope: (agencyId: string) => void;
}

/** Documents, tasks and dossiers of each department and commune side by side, sortable by any column. */
export function DashboardAgencies({ rows, period, onScope }: Props) {
  const user = useCurrentUser();
  const [group, setGroup] = useState<AgencyGroup>('all');
  const [opened, setOpened] = useState<OpenedTasks | null>(null);
  // The scoreboard lists any agency's tasks to those who give tasks province-wide, others their own agency's.
  const mayOpenTasks = (agencyId: string) => user.permissions['task.assign'] === 'tenant' || agencyId === user.agency.id;
  const shown = useMemo(() => (group === 'all' ? rows : rows.filter((r) => groupOf(r.type) === group)), [rows, group]);

  const countCol = (key: CountKey): TableColumnsType<AgencyFigures>[number] => ({
    key,
    dataIndex: key,
    title: t(`dashboard.col.${key}`),
    align: 'right',
    width: 104,
    sorter: (a, b) => a[key] - b[key],
    render: (n: number, r) => {
      const bucket = TASK_BUCKETS[key];
      const color = RED_WHEN_ANY.has(key) && n > 0 ? '#cf1322' : undefined;
      if (bucket && n > 0 && mayOpenTasks(r.agencyId)) {
        return (
          <Button type="link" size="small" style={{ padding: 0, color }} aria-label={`${r.name}: ${t(`dashboard.col.${key}`)} ${count(n)}`} onClick={() => setOpened({ agencyId: r.agencyId, agencyName: r.name, bucket })}>
            {count(n)}
          </Button>
        );
      }
      const measure = DRILL_MEASURES[key];
      if (measure && n > 0) {
        return (
          <Link to={statsDrillPath(measure, period, r.agencyId)} style={{ color }} aria-label={`${r.name}: ${t(`dashboard.col.${key}`)} ${count(n)}`}>
            {count(n)}
          </Link>
        );
      }
      return <span style={{ color }}>{count(n)}</span>;
    },
  });
  const rateCol = (key: RateKey): TableColumnsType<AgencyFigures>[number] => ({
    key,
    dataIndex: key,
    title: <Tooltip title={t(`dashboard.help.${key}`)}>{t(`dashboard.col.${key}`)}</Tooltip>,
    align: 'right',
    width: 104,
    sorter: (a, b) => (a[key] ?? -1) - (b[key] ?? -1),
    render: (rate: number | null) => <Typography.Text strong style={{ color: rateColor(rate) }}>{percent(rate)}</Typography.Text>,
  });

  const columns: TableColumnsType<AgencyFigures> = [
    {
      key: 'name',
      dataIndex: 'name',
      title: t('dashboard.col.agency'),
      fixed: 'left',
      width: 260,
      sorter: (a, b) => a.name.localeCompare(b.name, 'vi'),
      render: (name: string, r) => (
        <Tooltip title={t('dashboard.scopeTo')}>
          <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => onScope(r.agencyId)}>
            {name}
          </Button>
        </Tooltip>
      ),
    },
    { key: 'documents', title: t('dashboard.colGroup.documents'), children: [countCol('incoming'), countCol('outgoing')] },
    { key: 'tasks', title: t('dashboard.colGroup.tasks'), children: [countCol('tasksAssigned'), countCol('tasksDoneOnTime'), countCol('tasksOverdue'), rateCol('tasksOnTimeRate')] },
    { key: 'dossiers', title: t('dashboard.colGroup.dossiers'), children: [countCol('dossiersReceived'), countCol('dossiersResolved'), rateCol('dossiersOnTimeRate'), countCol('dossiersOpenOverdue')] },
  ];

  return (
    <>
      <Segmented<AgencyGroup>
        value={group}
        onChange={setGroup}
        aria-label={t('dashboard.agencyGroup')}
        options={GROUPS.map((g) => ({ value: g, label: `${t(`dashboard.agencyGroup.${g}`)} (${count(g === 'all' ? rows.length : rows.filter((r) => groupOf(r.type) === g).length)})` }))}
        style={{ marginBottom: 12 }}
      />
      <Table<AgencyFigures>
        rowKey="agencyId"
        size="small"
        bordered
        dataSource={shown}
        columns={columns}
        pagination={shown.length > 30 ? { pageSize: 30, showSizeChanger: false } : false}
        scroll={{ x: 1300 }}
        locale={{ emptyText: t('dashboard.noAgencies') }}
      />
      <AgencyTasksDrawer opened={opened} period={period} onClose={() => setOpened(null)} />
    </>
  );
}
