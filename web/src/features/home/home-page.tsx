import { Card, Col, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { adminGroupTitle, adminModulesFor, businessModulesFor, type ModuleEntry } from '../../app/modules';
import { useCan, useCurrentUser } from '../../app/session';
import { t } from '../../i18n';
import { formatDay, todayInVietnam, weekdayOf } from '../../lib/format';
import { DocumentStatsCard } from '../search/stats-card';
import { HomeDashboardCard } from '../stats/home-dashboard-card';

function ModuleCard({ module, building }: { module: ModuleEntry; building: boolean }) {
  return (
    <Link to={module.path} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%' }} styles={{ body: { display: 'flex', gap: 16 } }}>
        <span style={{ fontSize: 28, color: '#b71c1c', lineHeight: 1 }}>{module.icon}</span>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {t(module.title)}
          </Typography.Text>{' '}
          {building && <Tag>{t('home.building')}</Tag>}
          <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
            {t(module.description)}
          </Typography.Paragraph>
        </div>
      </Card>
    </Link>
  );
}

/** Who you are, today, this month's documents (for those who answer for them), and where to go. */
export function HomePage() {
  const user = useCurrentUser();
  const can = useCan();
  const today = todayInVietnam();
  const admin = adminModulesFor(can);

  return (
    <>
      <Card style={{ marginBottom: 24 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('home.greeting', { name: user.fullName })}
        </Typography.Title>
        <Typography.Paragraph style={{ marginBottom: 4 }} className="vps-wrap">
          {[user.positionName, user.unit.name, user.agency.name].filter(Boolean).join(' · ')}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('home.today', { weekday: weekdayOf(today), date: formatDay(today) })}</Typography.Text>
      </Card>

      {/* Leaders (and administrators) answer for the province's figures: the dashboard's headline first. */}
      {can('stats.read') && <HomeDashboardCard />}
      {can('document.read') && <DocumentStatsCard />}

      <Typography.Title level={4}>{t('home.modules')}</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
        {businessModulesFor(can).map((m) => (
          <Col key={m.key} xs={24} md={12} xl={8}>
            <ModuleCard module={m} building={!m.built} />
          </Col>
        ))}
      </Row>

      {admin.length > 0 && (
        <>
          <Typography.Title level={4}>{t(adminGroupTitle(can))}</Typography.Title>
          <Row gutter={[16, 16]}>
            {admin.map((m) => (
              <Col key={m.key} xs={24} md={12} xl={8}>
                <ModuleCard module={m} building={false} />
              </Col>
            ))}
          </Row>
        </>
      )}
    </>
  );
}
