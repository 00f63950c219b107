import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Flex, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { api, data } from '../../api/client';
import type { Ok } from '../../api/types';
import { EChart, type EChartOption } from '../../components/echart';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { dayjs, formatDay, formatNumber, todayInVietnam } from '../../lib/format';
import { TASK_SCOREBOARD_PATH } from '../tasks/task-paths';

type Stats = Ok<'getMeetingStats'>;
type Period = [string, string];

const PRESETS: { key: string; range: () => Period }[] = [
  { key: 'meetingStats.preset.thisMonth', range: () => [dayjs(todayInVietnam()).startOf('month').format('YYYY-MM-DD'), todayInVietnam()] },
  { key: 'meetingStats.preset.twoMonths', range: () => [dayjs(todayInVietnam()).subtract(2, 'month').format('YYYY-MM-DD'), todayInVietnam()] },
  { key: 'meetingStats.preset.thisYear', range: () => [`${todayInVietnam().slice(0, 4)}-01-01`, todayInVietnam()] },
  // the two-level local government started on 1 July 2025
  { key: 'meetingStats.preset.sinceReform', range: () => ['2025-07-01', todayInVietnam()] },
];

function bars(categories: string[], values: number[], color: string): EChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: categories, inverse: true },
    series: [{ type: 'bar', data: values, itemStyle: { color }, label: { show: true, position: 'right' } }],
  };
}

/** The Office's figures for any period: meetings, per working day, online meetings and sites, delegations, tasks. */
export function MeetingStatsPage() {
  const [period, setPeriod] = useState<Period>(PRESETS[0]!.range());
  const stats = useQuery({ queryKey: ['meeting-stats', period], queryFn: () => data(api.GET('/api/meetings/stats', { params: { query: { from: period[0], to: period[1] } } })) });
  const s = stats.data;
  return (
    <>
      <PageHeader
        title={t('meetingStats.title')}
        description={t('meetingStats.description')}
        extra={
          <Link to={TASK_SCOREBOARD_PATH}>
            <Button>{t('meetingStats.scoreboard')}</Button>
          </Link>
        }
      />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowClear={false}
          value={[dayjs(period[0]), dayjs(period[1])]}
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].format('YYYY-MM-DD'), v[1].format('YYYY-MM-DD')])}
          aria-label={t('meetingStats.period')}
        />
        <Space wrap>
          {PRESETS.map((p) => (
            <Button key={p.key} size="small" onClick={() => setPeriod(p.range())}>
              {t(p.key as 'meetingStats.preset.thisMonth')}
            </Button>
          ))}
        </Space>
      </Flex>
      {stats.error ? <QueryError error={stats.error} onRetry={() => void stats.refetch()} /> : !s ? <Spin /> : <StatsBody s={s} />}
    </>
  );
}

function StatsBody({ s }: { s: Stats }) {
  const meetingChart = useMemo(() => bars(s.meetings.byKind.map((k) => t(`meetingStats.kind.${k.kind}`)), s.meetings.byKind.map((k) => k.count), '#b71c1c'), [s]);
  const delegationChart = useMemo(() => bars(s.delegations.byKind.map((k) => t(`delegation.kind.${k.kind}`)), s.delegations.byKind.map((k) => k.received), '#1d4ed8'), [s]);
  const taskRows = [...s.tasks.rows].sort((a, b) => b.assigned - a.assigned).slice(0, 15);
  return (
    <>
      <Typography.Paragraph type="secondary">{t('meetingStats.periodLine', { from: formatDay(s.from), to: formatDay(s.to), days: s.workingDays })}</Typography.Paragraph>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('meetingStats.meetings')} value={s.meetings.total} formatter={(v) => formatNumber(Number(v))} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('meetingStats.perDay')} value={s.meetings.perWorkingDay ?? 0} formatter={(v) => formatNumber(Number(v))} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('meetingStats.online')} value={s.online.meetings} suffix={<Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('meetingStats.sites', { sites: s.online.connectedSites, connections: s.online.siteConnections })}</Typography.Text>} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title={t('meetingStats.delegations')} value={s.delegations.received} suffix={s.delegations.planned > 0 ? <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('meetingStats.planned', { count: s.delegations.planned })}</Typography.Text> : undefined} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={t('meetingStats.byKind')}>
            <EChart option={meetingChart} ariaLabel={t('meetingStats.byKind')} style={{ height: 260 }} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('meetingStats.delegationsByKind')}>
            <EChart option={delegationChart} ariaLabel={t('meetingStats.delegationsByKind')} style={{ height: 260 }} />
          </Card>
        </Col>
      </Row>
      <Card title={t('meetingStats.tasks')} extra={<Link to={TASK_SCOREBOARD_PATH}>{t('meetingStats.scoreboard')}</Link>}>
        <Table
          rowKey="agencyId"
          size="small"
          pagination={false}
          dataSource={taskRows}
          locale={{ emptyText: t('meetingStats.noTasks') }}
          columns={[
            { title: t('meetingStats.agency'), dataIndex: 'agencyName' },
            { title: t('meetingStats.assigned'), dataIndex: 'assigned', width: 100, align: 'right' },
            { title: t('meetingStats.doneOnTime'), dataIndex: 'doneOnTime', width: 120, align: 'right' },
            { title: t('meetingStats.doneLate'), dataIndex: 'doneLate', width: 120, align: 'right' },
            { title: t('meetingStats.overdue'), dataIndex: 'overdue', width: 100, align: 'right' },
            { title: t('meetingStats.inProgress'), dataIndex: 'inProgress', width: 120, align: 'right' },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t('meetingStats.total')}</strong>
              </Table.Summary.Cell>
              {(['assigned', 'doneOnTime', 'doneLate', 'overdue', 'inProgress'] as const).map((k, i) => (
                <Table.Summary.Cell key={k} index={i + 1} align="right">
                  <strong>{formatNumber(s.tasks.total[k])}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
      </Card>
    </>
  );
}
