import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { dayjs, formatNumber, todayInVietnam } from '../../lib/format';
import { calendarKeys, useHolidays, useOverrides } from './calendar-queries';
import { HolidayTable } from './holiday-table';
import { OverrideFormModal } from './override-form-modal';
import { OverrideTable } from './override-table';
import { AddWorkingDaysTool, LunarDateTool } from './working-day-tools';
import { YearView } from './year-view';

export function WorkCalendarPage() {
  const can = useCan();
  const manage = can('calendar.manage');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const [adding, setAdding] = useState<{ date?: string } | null>(null);
  const holidays = useHolidays(year);
  const overrides = useOverrides(year);

  const yearPicker = (
    <Space.Compact>
      <Button icon={<LeftOutlined aria-hidden />} aria-label={t('calendar.prevYear')} onClick={() => setYear((y) => y - 1)} disabled={year <= 1901} />
      <DatePicker
        picker="year"
        aria-label={t('calendar.year')}
        value={dayjs(`${year}-01-01`)}
        onChange={(d) => d && setYear(d.year())}
        allowClear={false}
        format="YYYY"
        style={{ width: 110 }}
      />
      <Button icon={<RightOutlined aria-hidden />} aria-label={t('calendar.nextYear')} onClick={() => setYear((y) => y + 1)} disabled={year >= 2099} />
    </Space.Compact>
  );

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('module.workCalendar.desc')}
        extra={
          <>
            {yearPicker}
            {manage && (
              <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding({})}>
                {t('calendar.override.add')}
              </Button>
            )}
          </>
        }
      />
      {holidays.isError && <QueryError error={holidays.error} onRetry={() => void holidays.refetch()} />}
      <Card style={{ marginBottom: 24 }} loading={holidays.isLoading || overrides.isLoading}>
        <YearView year={year} holidays={holidays.data ?? []} overrides={overrides.data ?? []} onPickDay={manage ? (date) => setAdding({ date }) : undefined} />
        {manage && (
          <Typography.Paragraph type="secondary" style={{ margin: '16px 0 0' }}>
            {t('calendar.override.clickHint')}
          </Typography.Paragraph>
        )}
      </Card>
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={14}>
          <Card title={t('calendar.holidays', { year })} extra={holidays.data && <Typography.Text type="secondary">{t('calendar.holidayCount', { count: formatNumber(holidays.data.length) })}</Typography.Text>}>
            <HolidayTable holidays={holidays.data} loading={holidays.isFetching} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={24} style={{ width: '100%' }}>
            <Card title={t('calendar.overrides', { year })}>
              <Typography.Paragraph type="secondary">{t('calendar.overridesHelp')}</Typography.Paragraph>
              <OverrideTable overrides={overrides.data} loading={overrides.isFetching} manage={manage} />
            </Card>
            <Card title={t('calendar.addDays.title')}>
              <AddWorkingDaysTool />
            </Card>
            <Card title={t('calendar.lunar.title')}>
              <LunarDateTool />
            </Card>
          </Space>
        </Col>
      </Row>
      {adding && (
        <OverrideFormModal
          date={adding.date}
          onClose={() => setAdding(null)}
          onSaved={() => {
            message.success(t('common.saved'));
            setAdding(null);
            void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
          }}
        />
      )}
    </>
  );
}
