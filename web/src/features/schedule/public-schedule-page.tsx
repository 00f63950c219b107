import { LeftOutlined, PrinterOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Result, Space, Spin, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { dayjs, formatDay, formatInstant, todayInVietnam } from '../../lib/format';
import { mondayOf, usePublicWeek } from './schedule-queries';
import { ScheduleTable } from './schedule-table';

/** The published weekly schedule for anyone, without login; prints on one landscape page per week. */
export function PublicSchedulePage() {
  const { tenantCode = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const weekStart = mondayOf(params.get('tuan') ?? todayInVietnam());
  const week = usePublicWeek(tenantCode, weekStart);
  const go = (n: number) => setParams({ tuan: dayjs(weekStart).add(n, 'week').format('YYYY-MM-DD') });
  const notPublished = week.error instanceof ApiError && week.error.status === 404;
  const w = week.data;
  return (
    <main className="vps-public">
      <div className="vps-public-head">
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('schedule.publicTitle')}
        </Typography.Title>
        {w && <Typography.Title level={5} style={{ marginTop: 0 }}>{w.tenantName}</Typography.Title>}
        <Typography.Text strong>{t('schedule.weekOf', { from: formatDay(weekStart), to: formatDay(dayjs(weekStart).add(6, 'day').format('YYYY-MM-DD')) })}</Typography.Text>
        {w && w.revision > 0 && (
          <div>
            <Tag color="orange">{t('schedule.revision', { count: w.revision })}</Tag>
          </div>
        )}
        {w?.publishedAt && (
          <div>
            <Typography.Text type="secondary">{t('schedule.publishedAt', { at: formatInstant(w.publishedAt) })}</Typography.Text>
          </div>
        )}
      </div>
      <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 12 }} className="vps-no-print">
        <Space>
          <Button icon={<LeftOutlined aria-hidden />} onClick={() => go(-1)}>
            {t('schedule.previousWeek')}
          </Button>
          <Button onClick={() => setParams({})}>{t('schedule.thisWeek')}</Button>
          <Button onClick={() => go(1)}>
            {t('schedule.nextWeek')} <RightOutlined aria-hidden />
          </Button>
        </Space>
        <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
          {t('schedule.print')}
        </Button>
      </Flex>
      {week.isLoading ? <Spin /> : notPublished ? <Result status="info" title={errorMessage(week.error)} /> : week.error ? <Result status="warning" title={errorMessage(week.error)} /> : w && <ScheduleTable days={w.days} emptyText="" />}
    </main>
  );
}
