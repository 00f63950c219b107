import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { api, data } from '../../api/client';
import { t } from '../../i18n';
import { dayjs, formatNumber, todayInVietnam, toIsoDate, VN_TZ } from '../../lib/format';

/**
 * This month's documents for the agency's clerks and leaders: received, issued, and the lead handlers'
 * deadlines kept or missed. The figures come from the server, which counts and rounds them once.
 */
export function DocumentStatsCard() {
  const today = dayjs.tz(todayInVietnam(), VN_TZ);
  const from = toIsoDate(today.startOf('month'));
  const to = toIsoDate(today.endOf('month'));
  const stats = useQuery({
    queryKey: ['documents', 'stats', { from, to }],
    queryFn: () => data(api.GET('/api/documents/stats', { params: { query: { from, to } } })),
  });
  if (stats.isError) return null;
  const s = stats.data;
  const late = (s?.handling.doneLate ?? 0) + (s?.handling.openOverdue ?? 0);
  return (
    <Card title={t('stats.title', { month: today.month() + 1, year: today.year() })} loading={stats.isPending} style={{ marginBottom: 24 }} data-testid="stats-card">
      {s && (
        <Row gutter={[16, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('stats.received')} value={s.received} formatter={(v) => formatNumber(Number(v))} />
            <Typography.Text type="secondary">{t('stats.receivedElectronic', { count: formatNumber(s.receivedElectronic) })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('stats.issued')} value={s.issued} formatter={(v) => formatNumber(Number(v))} />
            {s.recalled > 0 && <Typography.Text type="secondary">{t('stats.recalled', { count: formatNumber(s.recalled) })}</Typography.Text>}
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('stats.onTime')} value={s.handling.doneOnTime} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: s.handling.doneOnTime > 0 ? '#389e0d' : undefined } }} />
            <Typography.Text type="secondary">
              {s.handling.onTimeRate === null ? t('stats.noneDone') : t('stats.onTimeRate', { rate: String(s.handling.onTimeRate).replace('.', ',') })}
            </Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('stats.late')} value={late} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: late > 0 ? '#cf1322' : undefined } }} />
            <Typography.Text type="secondary">{t('stats.lateDetail', { done: formatNumber(s.handling.doneLate), open: formatNumber(s.handling.openOverdue) })}</Typography.Text>
          </Col>
        </Row>
      )}
    </Card>
  );
}
