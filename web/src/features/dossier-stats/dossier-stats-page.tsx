import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Segmented, Select, Table, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { AgencySelect } from '../org/agency-select';
import { DATE_FORMAT, dayjs, formatDay, formatNumber, toIsoDate, todayInVietnam } from '../../lib/format';
import { DossierStatsChart } from './dossier-stats-chart';
import { type DossierFigures, type DossierStatsQuery, type DossierStatsRow, dossierStatsExportUrl, STATS_GROUPS, STATS_LEVELS, type StatsGroup, type StatsLevel, useDossierStats } from './dossier-stats-queries';

type PeriodMode = 'month' | 'quarter' | 'year' | 'custom';
const PERIOD_MODES: PeriodMode[] = ['month', 'quarter', 'year', 'custom'];

/** The days a period covers, never past today. */
function periodOf(mode: PeriodMode, anchor: Dayjs, range: [Dayjs, Dayjs]): { from: string; to: string } {
  const today = todayInVietnam();
  if (mode === 'custom') return { from: toIsoDate(range[0]), to: toIsoDate(range[1]) };
  const start = mode === 'quarter' ? anchor.month(Math.floor(anchor.month() / 3) * 3).startOf('month') : anchor.startOf(mode);
  const end = mode === 'quarter' ? start.add(2, 'month').endOf('month') : anchor.endOf(mode);
  const to = toIsoDate(end);
  return { from: toIsoDate(start), to: to > today ? today : to };
}

/** The server's percentage (already rounded to 2 decimals) in Vietnamese notation; none for an empty denominator. */
const percent = (rate: number | null) => (rate === null ? '—' : `${formatNumber(rate)}%`);
// the national index asks for at least 90% on time; below 70% needs attention
const rateColor = (rate: number | null) => (rate === null ? undefined : rate >= 90 ? '#389e0d' : rate >= 70 ? '#d48806' : '#cf1322');

type Figure = (f: DossierFigures) => number | null;
type CountKey = 'receivedTotal' | 'inPerson' | 'online' | 'postal' | 'resolvedTotal' | 'early' | 'onTime' | 'late' | 'pendingInTime' | 'pendingOverdue' | 'feedbackTotal' | 'rated';
type RateKey = 'onTimeRate' | 'onlineShare' | 'digitizedShare' | 'reuseShare' | 'feedbackOnTime' | 'satisfied';
type GroupKey = 'received' | 'resolved' | 'pending' | 'shares' | 'feedback' | 'satisfaction';
const count = (key: CountKey, value: Figure, width = 96): TableColumnsType<DossierStatsRow>[number] => ({
  key,
  title: t(`dossierStats.col.${key}`),
  align: 'right',
  width,
  sorter: (a, b) => (value(a) ?? -1) - (value(b) ?? -1),
  render: (_, r) => formatNumber(value(r) ?? 0),
});
const rate = (key: RateKey, value: Figure): TableColumnsType<DossierStatsRow>[number] => ({
  key,
  title: <Tooltip title={t(`dossierStats.help.${key}`)}>{t(`dossierStats.col.${key}`)}</Tooltip>,
  align: 'right',
  width: 104,
  sorter: (a, b) => (value(a) ?? -1) - (value(b) ?? -1),
  render: (_, r) => <Typography.Text style={{ color: key === 'onTimeRate' ? rateColor(value(r)) : undefined }}>{percent(value(r))}</Typography.Text>,
});

const COLUMN_GROUPS: { key: GroupKey; children: TableColumnsType<DossierStatsRow> }[] = [
  {
    key: 'received',
    children: [count('receivedTotal', (f) => f.received.total), count('inPerson', (f) => f.received.inPerson), count('online', (f) => f.received.online), count('postal', (f) => f.received.postal)],
  },
  {
    key: 'resolved',
    children: [count('resolvedTotal', (f) => f.resolved.total), count('early', (f) => f.resolved.early), count('onTime', (f) => f.resolved.onTime), count('late', (f) => f.resolved.late), rate('onTimeRate', (f) => f.resolved.onTimeRate)],
  },
  { key: 'pending', children: [count('pendingInTime', (f) => f.pending.inTime), count('pendingOverdue', (f) => f.pending.overdue)] },
  { key: 'shares', children: [rate('onlineShare', (f) => f.onlineShare), rate('digitizedShare', (f) => f.digitizedShare), rate('reuseShare', (f) => f.reuseShare)] },
  { key: 'feedback', children: [count('feedbackTotal', (f) => f.feedback.total), rate('feedbackOnTime', (f) => f.feedback.onTimeRate)] },
  { key: 'satisfaction', children: [count('rated', (f) => f.satisfaction.rated), rate('satisfied', (f) => f.satisfaction.rate)] },
];
const LEAF_COLUMNS = COLUMN_GROUPS.flatMap((g) => g.children);

export function DossierStatsPage() {
  const [mode, setMode] = useState<PeriodMode>('month');
  const [anchor, setAnchor] = useState<Dayjs>(() => dayjs(todayInVietnam()));
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs(todayInVietnam()).startOf('month'), dayjs(todayInVietnam())]);
  const [groupBy, setGroupBy] = useState<StatsGroup>('agency');
  const [level, setLevel] = useState<StatsLevel | undefined>(undefined);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [locationId, setLocationId] = useState<string | null>(null);
  const query: DossierStatsQuery = useMemo(
    () => ({ ...periodOf(mode, anchor, range), groupBy, ...(level ? { level } : {}), ...(agencyId ? { agencyId } : {}), ...(locationId ? { locationId } : {}) }),
    [mode, anchor, range, groupBy, level, agencyId, locationId],
  );
  const stats = useDossierStats(query);
  const data = stats.data;

  const columns: TableColumnsType<DossierStatsRow> = [
    { key: 'label', title: t(`dossierStats.group.${groupBy}`), dataIndex: 'label', fixed: 'left', width: 260, sorter: (a, b) => a.label.localeCompare(b.label, 'vi'), render: (label: string) => <span className="vps-wrap">{label}</span> },
    ...COLUMN_GROUPS.map((g) => ({ key: g.key, title: t(`dossierStats.colGroup.${g.key}`), children: g.children })),
  ];

  return (
    <>
      <PageHeader
        title={t('dossierStats.title')}
        description={t('dossierStats.description')}
        extra={
          <Button type="primary" icon={<FileExcelOutlined aria-hidden />} href={dossierStatsExportUrl(query)}>
            {t('dossierStats.exportExcel')}
          </Button>
        }
      />
      <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Text strong>{t('dossierStats.period')}</Typography.Text>
        <Segmented<PeriodMode> value={mode} onChange={setMode} options={PERIOD_MODES.map((m) => ({ value: m, label: t(`dossierStats.period.${m}`) }))} aria-label={t('dossierStats.period')} />
        {mode === 'custom' ? (
          <DatePicker.RangePicker value={range} format={DATE_FORMAT} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        ) : (
          <DatePicker picker={mode} value={anchor} allowClear={false} format={mode === 'month' ? 'MM/YYYY' : mode === 'year' ? 'YYYY' : '[Quý] Q/YYYY'} onChange={(v) => v && setAnchor(v)} aria-label={t(`dossierStats.period.${mode}`)} />
        )}
        <Select<StatsLevel>
          allowClear
          placeholder={t('dossierStats.allLevels')}
          value={level}
          onChange={(v) => setLevel(v)}
          style={{ width: 160 }}
          aria-label={t('dossierStats.level')}
          options={STATS_LEVELS.map((l) => ({ value: l, label: t(`dossierStats.level.${l}`) }))}
        />
        <AgencySelect value={agencyId} onChange={setAgencyId} placeholder={t('dossierStats.allAgencies')} aria-label={t('dossierStats.agency')} style={{ width: 240 }} />
        <AgencySelect value={locationId} onChange={setLocationId} placeholder={t('dossierStats.allLocations')} aria-label={t('dossierStats.location')} style={{ width: 240 }} />
        {data && (
          <Typography.Text type="secondary" data-testid="period-label">
            {t('dossierStats.periodLabel', { from: formatDay(data.from), to: formatDay(data.to) })}
          </Typography.Text>
        )}
      </Flex>
      <Tabs activeKey={groupBy} onChange={(k) => setGroupBy(k as StatsGroup)} aria-label={t('dossierStats.groups')} items={STATS_GROUPS.map((g) => ({ key: g, label: t(`dossierStats.by.${g}`) }))} />
      {stats.isError && <QueryError error={stats.error} onRetry={() => void stats.refetch()} />}
      {data && data.rows.length > 0 && (
        <Card size="small" title={t('dossierStats.chartTop', { count: Math.min(15, data.rows.length) })} style={{ marginBottom: 16 }}>
          <DossierStatsChart rows={data.rows} />
        </Card>
      )}
      <Table<DossierStatsRow>
        rowKey={(r) => r.key ?? 'unknown'}
        size="small"
        bordered
        loading={stats.isFetching}
        dataSource={data?.rows ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 2200 }}
        sticky
        locale={{ emptyText: t('dossierStats.empty') }}
        summary={() =>
          data && data.rows.length > 0 ? (
            <Table.Summary fixed>
              <Table.Summary.Row style={{ fontWeight: 700, background: '#fafafa' }}>
                <Table.Summary.Cell index={0}>{t('dossierStats.total')}</Table.Summary.Cell>
                {LEAF_COLUMNS.map((c, i) => (
                  <Table.Summary.Cell key={String(c.key)} index={i + 1} align="right">
                    <span data-testid={`total-${String(c.key)}`}>{(c as { render: (v: unknown, r: DossierFigures, i: number) => React.ReactNode }).render(null, data.total, 0)}</span>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            </Table.Summary>
          ) : null
        }
      />
    </>
  );
}
