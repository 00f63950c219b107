import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../app/session';
import { AddButton } from '../../components/add-button';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { dayjs, formatNumber, todayInVietnam } from '../../lib/format';
import { useFormModalState } from '../../lib/use-form-modal-state';
import { calendarKeys, useHolidays, useOverrides } from './calendar-queries';
import { HolidayTable } from './holiday-table';
import { OverrideFormModal } from './override-form-modal';
import { OverrideTable } from './override-table';
import { AddWorkingDaysTool, LunarDateTool } from './working-day-tools';
import { YearView } from './year-view';

export function WorkCalendarPage() {
  const can = useCan();
  const manage = can('calendar.manage');
  const queryClient = useQueryClient();
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const holidays = useHolidays(year);
  const overrides = useOverrides(year);
  // Opened on a day when the administrator clicks one in the year view.
  const overrideForm = useFormModalState<string>(() => void queryClient.invalidateQueries({ queryKey: calendarKeys.all }));

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
            {manage && <AddButton onClick={overrideForm.openNew}>{t('calendar.override.add')}</AddButton>}
          </>
        }
      />
      {holidays.isError && <QueryError error={holidays.error} onRetry={() => void holidays.refetch()} />}
      <Card style={{ marginBottom: 24 }} loading={holidays.isLoading || overrides.isLoading}>
        <YearView year={year} holidays={holidays.data ?? []} overrides={overrides.data ?? []} onPickDay={manage ? overrideForm.open : undefined} />
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
      {overrideForm.isOpen && <OverrideFormModal date={overrideForm.subject} onClose={overrideForm.close} onSaved={overrideForm.saved} />}
    </>
  );
}
