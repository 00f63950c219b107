import { FileExcelOutlined, ImportOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Drawer, Flex, Segmented, Table, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import type { Dayjs } from 'dayjs';
import { DATE_FORMAT, dayjs, formatDay, formatNumber, toIsoDate, todayInVietnam } from '../../lib/format';
import { ScoreboardChart } from './scoreboard-chart';
import { TaskBulkModal } from './task-bulk-modal';
import { DerivedStatusTag } from './task-display';
import { TaskImportModal } from './task-import-modal';
import { taskPath } from './task-paths';
import { SCOREBOARD_GROUPS, scoreboardExportUrl, useScoreboard, useScoreboardTasks, type ScoreboardBucket, type ScoreboardGroup, type ScoreboardQuery, type ScoreboardRow } from './task-report-queries';

type PeriodMode = 'month' | 'quarter' | 'year' | 'custom';
const PERIOD_MODES: PeriodMode[] = ['month', 'quarter', 'year', 'custom'];

/** The days a period covers, never past today (tasks are not given in the future). */
function periodOf(mode: PeriodMode, anchor: Dayjs, range: [Dayjs, Dayjs]): { from: string; to: string } {
  const today = todayInVietnam();
  if (mode === 'custom') return { from: toIsoDate(range[0]), to: toIsoDate(range[1]) };
  const unit = mode === 'quarter' ? 'month' : mode;
  const start = mode === 'quarter' ? anchor.month(Math.floor(anchor.month() / 3) * 3).startOf('month') : anchor.startOf(unit);
  const end = mode === 'quarter' ? start.add(2, 'month').endOf('month') : anchor.endOf(unit);
  const to = toIsoDate(end);
  return { from: toIsoDate(start), to: to > today ? today : to };
}

const percent = (rate: number | null) => (rate === null ? '—' : `${formatNumber(Math.round(rate * 1000) / 10)}%`);
// at least nine in ten on time is good, at least seven acceptable, below that needs the leader's attention
const rateColor = (rate: number | null) => (rate === null ? undefined : rate >= 0.9 ? '#389e0d' : rate >= 0.7 ? '#d48806' : '#cf1322');
const COUNT_COLUMNS: ScoreboardBucket[] = ['assigned', 'doneOnTime', 'doneLate', 'overdue', 'inProgress'];

interface Opened {
  row: ScoreboardRow;
  bucket: ScoreboardBucket;
}

/** The tasks behind one number, in a drawer: each opens its detail. */
function NumberTasksDrawer({ opened, period, onClose }: { opened: Opened | null; period: ScoreboardQuery; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const list = useScoreboardTasks(opened ? { agencyId: opened.row.agencyId, bucket: opened.bucket, from: period.from, to: period.to, page, pageSize: 20 } : null);
  return (
    <Drawer open={opened !== null} onClose={onClose} size="large" title={opened ? t('taskReport.tasksOf', { agency: opened.row.agencyName, column: t(`taskReport.col.${opened.bucket}`) }) : ''} afterOpenChange={(open) => !open && setPage(1)}>
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
        columns={[
          { title: t('task.content'), dataIndex: 'content', render: (_, task) => <Link to={taskPath(task.id)}>{task.content}</Link> },
          { title: t('task.deadline'), dataIndex: 'deadline', width: 110, render: (d: string) => formatDay(d) },
          { title: t('task.filterStatus'), dataIndex: 'derivedStatus', width: 170, render: (_, task) => <DerivedStatusTag status={task.derivedStatus} /> },
        ]}
      />
    </Drawer>
  );
}

export function TaskScoreboardPage() {
  const can = useCan();
  const province = can('task.assign');
  const [mode, setMode] = useState<PeriodMode>('year');
  const [anchor, setAnchor] = useState<Dayjs>(() => dayjs(todayInVietnam()));
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs(todayInVietnam()).startOf('month'), dayjs(todayInVietnam())]);
  const [group, setGroup] = useState<ScoreboardGroup>('all');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [dialog, setDialog] = useState<'bulk' | 'import' | null>(null);
  const query: ScoreboardQuery = useMemo(() => ({ ...periodOf(mode, anchor, range), group }), [mode, anchor, range, group]);
  const board = useScoreboard(query);

  const countColumn = (bucket: ScoreboardBucket): TableColumnsType<ScoreboardRow>[number] => ({
    title: t(`taskReport.col.${bucket}`),
    dataIndex: bucket,
    align: 'right',
    width: 120,
    sorter: (a, b) => a[bucket] - b[bucket],
    render: (n: number, row) =>
      n === 0 ? (
        <Typography.Text type="secondary">0</Typography.Text>
      ) : (
        <Button type="link" size="small" style={{ padding: 0, color: bucket === 'overdue' ? '#cf1322' : undefined }} aria-label={`${row.agencyName}: ${t(`taskReport.col.${bucket}`)} ${n}`} data-testid={`cell-${bucket}`} onClick={() => setOpened({ row, bucket })}>
          {formatNumber(n)}
        </Button>
      ),
  });
  const columns: TableColumnsType<ScoreboardRow> = [
    { title: t('taskReport.col.agency'), dataIndex: 'agencyName', sorter: (a, b) => a.agencyName.localeCompare(b.agencyName, 'vi'), render: (name: string) => <span className="vps-wrap">{name}</span> },
    ...COUNT_COLUMNS.map(countColumn),
    {
      title: <Tooltip title={t('taskReport.rateHelp')}>{t('taskReport.col.onTimeRate')}</Tooltip>,
      dataIndex: 'onTimeRate',
      align: 'right',
      width: 130,
      sorter: (a, b) => (a.onTimeRate ?? -1) - (b.onTimeRate ?? -1),
      render: (rate: number | null) => (
        <Typography.Text strong style={{ color: rateColor(rate) }} data-testid="rate">
          {percent(rate)}
        </Typography.Text>
      ),
    },
  ];
  const data = board.data;

  return (
    <>
      <PageHeader
        title={t('taskReport.scoreboard')}
        description={t('taskReport.scoreboardDescription')}
        extra={
          <>
            {province && (
              <>
                <Button icon={<UnorderedListOutlined aria-hidden />} onClick={() => setDialog('bulk')}>
                  {t('taskReport.bulk')}
                </Button>
                <Button icon={<ImportOutlined aria-hidden />} onClick={() => setDialog('import')}>
                  {t('taskReport.import')}
                </Button>
              </>
            )}
            <Button type="primary" icon={<FileExcelOutlined aria-hidden />} href={scoreboardExportUrl(query)}>
              {t('taskReport.exportExcel')}
            </Button>
          </>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('taskReport.period')}</Typography.Text>
        <Segmented<PeriodMode> value={mode} onChange={setMode} options={PERIOD_MODES.map((m) => ({ value: m, label: t(`taskReport.period.${m}`) }))} aria-label={t('taskReport.period')} />
        {mode === 'custom' ? (
          <DatePicker.RangePicker value={range} format={DATE_FORMAT} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        ) : (
          <DatePicker picker={mode} value={anchor} allowClear={false} format={mode === 'month' ? 'MM/YYYY' : mode === 'year' ? 'YYYY' : '[Quý] Q/YYYY'} onChange={(v) => v && setAnchor(v)} aria-label={t(`taskReport.period.${mode}`)} />
        )}
        {data && (
          <Typography.Text type="secondary" data-testid="period-label">
            {t('taskReport.periodLabel', { from: formatDay(data.from), to: formatDay(data.to), asOf: formatDay(data.asOf) })}
          </Typography.Text>
        )}
      </Flex>
      {province ? (
        <Tabs activeKey={group} onChange={(k) => setGroup(k as ScoreboardGroup)} aria-label={t('taskReport.groups')} items={SCOREBOARD_GROUPS.map((g) => ({ key: g, label: t(`taskReport.group.${g}`) }))} />
      ) : (
        <Alert type="info" showIcon title={t('taskReport.ownAgencyOnly')} style={{ marginBottom: 12 }} />
      )}
      {board.isError && <QueryError error={board.error} onRetry={() => void board.refetch()} />}
      {data && data.rows.length > 0 && (
        <Card size="small" title={t('taskReport.chartTop', { count: Math.min(15, data.rows.length) })} style={{ marginBottom: 16 }}>
          <ScoreboardChart rows={data.rows} onOpen={(row, bucket) => setOpened({ row, bucket })} />
        </Card>
      )}
      <Table<ScoreboardRow>
        rowKey="agencyId"
        size="middle"
        bordered
        loading={board.isFetching}
        dataSource={data?.rows ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 900 }}
        sticky
        locale={{ emptyText: t('taskReport.empty') }}
        summary={() =>
          data && data.rows.length > 1 ? (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ fontWeight: 700, background: '#fafafa' }}>
                <Table.Summary.Cell index={0}>{t('taskReport.total')}</Table.Summary.Cell>
                {COUNT_COLUMNS.map((b, i) => (
                  <Table.Summary.Cell key={b} index={i + 1} align="right">
                    <span data-testid={`total-${b}`}>{formatNumber(data.total[b])}</span>
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={6} align="right">
                  <span style={{ color: rateColor(data.total.onTimeRate) }} data-testid="total-rate">
                    {percent(data.total.onTimeRate)}
                  </span>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
      <NumberTasksDrawer opened={opened} period={query} onClose={() => setOpened(null)} />
      {dialog === 'bulk' && <TaskBulkModal onClose={() => setDialog(null)} />}
      {dialog === 'import' && <TaskImportModal onClose={() => setDialog(null)} />}
    </>
  );
}
