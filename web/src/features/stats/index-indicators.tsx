import { Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { t } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { percent, points } from './stats-format';
import type { IndicatorResult, ServiceIndexGroup } from './stats-types';

interface Row extends IndicatorResult {
  group: ServiceIndexGroup;
  /** rows the group's cell spans (on its first indicator), 0 on the others */
  span: number;
}

const rowsOf = (groups: ServiceIndexGroup[]): Row[] => groups.flatMap((g) => g.indicators.map((ind, i) => ({ ...ind, group: g, span: i === 0 ? g.indicators.length : 0 })));

// A denominator of zero is "not applicable" on the portal: no rate, no points, not a zero.
const na = () => <Tag>{t('index766.na')}</Tag>;

/** Each indicator: its counts, its rate and its points, under its group as the portal lays them out. */
export function IndexIndicators({ groups }: { groups: ServiceIndexGroup[] }) {
  const columns: TableColumnsType<Row> = [
    {
      key: 'group',
      title: t('index766.col.group'),
      width: 180,
      onCell: (r) => ({ rowSpan: r.span }),
      render: (_, r) => (
        <div className="vps-wrap">
          <strong>{r.group.name}</strong>
          <div>
            <Typography.Text type="secondary">{t('index766.pointsOf', { points: points(r.group.points), max: points(r.group.max) })}</Typography.Text>
          </div>
        </div>
      ),
    },
    { key: 'code', dataIndex: 'code', title: t('index766.col.code'), width: 64 },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('index766.col.name'),
      render: (name: string, r) => (
        <span className="vps-wrap">
          {name} {!r.scored && <Tag style={{ marginInlineStart: 4 }}>{t('index766.tracking')}</Tag>}
        </span>
      ),
    },
    {
      key: 'ratio',
      title: t('index766.col.ratio'),
      align: 'right',
      width: 140,
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }} data-testid={`ratio-${r.code}`}>
          {formatNumber(r.num)}/{formatNumber(r.den)}
        </span>
      ),
    },
    { key: 'rate', title: t('index766.col.rate'), align: 'right', width: 96, render: (_, r) => (r.den === 0 ? na() : percent(r.ratePercent)) },
    {
      key: 'threshold',
      title: <Tooltip title={t('index766.help.threshold')}>{t('index766.col.threshold')}</Tooltip>,
      align: 'right',
      width: 88,
      render: (_, r) => (r.threshold === null ? <Typography.Text type="secondary">—</Typography.Text> : `${formatNumber(Math.round(r.threshold * 10_000) / 100)}%`),
    },
    {
      key: 'points',
      title: t('index766.col.points'),
      align: 'right',
      width: 120,
      render: (_, r) =>
        !r.scored ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : r.points === null ? (
          na()
        ) : (
          <strong style={{ color: r.points >= r.max ? '#389e0d' : undefined }} data-testid={`points-${r.code}`}>
            {points(r.points)}/{points(r.max)}
          </strong>
        ),
    },
  ];
  return <Table<Row> rowKey="code" size="small" bordered pagination={false} dataSource={rowsOf(groups)} columns={columns} scroll={{ x: 960 }} />;
}
