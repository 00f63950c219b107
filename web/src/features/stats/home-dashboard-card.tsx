import { DashboardOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { t } from '../../i18n';
import { formatDay, formatNumber, todayInVietnam } from '../../lib/format';
import { gradeColor, percent, points } from './stats-format';
import { STATS_PATH } from './stats-paths';
import { REFORM_START } from './stats-period';
import { useOfficeDashboard } from './stats-queries';

const fmt = (v: unknown) => formatNumber(Number(v));

/** A leader's home opens on the dashboard's headline figures since 1 July 2025, one click from the whole board. */
export function HomeDashboardCard() {
  const dashboard = useOfficeDashboard({ from: REFORM_START, to: todayInVietnam() });
  if (dashboard.isError) return null;
  const d = dashboard.data;
  return (
    <Card
      title={t('home.dashboard.title', { from: formatDay(REFORM_START) })}
      extra={
        <Link to={STATS_PATH}>
          <Button type="primary" icon={<DashboardOutlined aria-hidden />}>
            {t('home.dashboard.open')}
          </Button>
        </Link>
      }
      loading={dashboard.isPending}
      style={{ marginBottom: 24 }}
      data-testid="home-dashboard"
    >
      {d && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={8} xl={4}>
            <Statistic title={t('dashboard.fig.incoming')} value={d.documents.incoming} formatter={fmt} />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Statistic title={t('dashboard.fig.outgoing')} value={d.documents.outgoing} formatter={fmt} />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Statistic title={t('dashboard.fig.meetings')} value={d.meetings.total} formatter={fmt} />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Statistic title={t('dashboard.fig.tasksOverdue')} value={d.tasks.overdue} formatter={fmt} styles={{ content: { color: d.tasks.overdue > 0 ? '#cf1322' : undefined } }} />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Statistic title={t('dashboard.fig.dossierOnTimeRate')} value={percent(d.dossiers.onTimeRate)} />
          </Col>
          <Col xs={12} md={8} xl={4}>
            <Statistic title={t('dashboard.fig.index')} value={points(d.serviceIndex.total)} suffix={d.serviceIndex.grade ? <Tag color={gradeColor(d.serviceIndex.grade)}>{d.serviceIndex.grade}</Tag> : undefined} />
            {d.serviceIndex.rank !== null && <Typography.Text type="secondary">{t('dashboard.fig.rankOf', { rank: d.serviceIndex.rank, of: d.serviceIndex.rankOf ?? '—' })}</Typography.Text>}
          </Col>
        </Row>
      )}
    </Card>
  );
}
