import { Alert, DatePicker, Flex, Form, InputNumber, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { DATE_FORMAT, dayjs, formatDay, toIsoDate, todayInVietnam, weekdayOf } from '../../lib/format';
import { lunarYearName } from '../../lib/lunar-year-name';
import { useAddWorkingDays, useLunarDate } from './calendar-queries';

/** Answers update as the inputs change: these are look-ups, not forms to submit. */
export function AddWorkingDaysTool() {
  const [from, setFrom] = useState<Dayjs | null>(dayjs(todayInVietnam()));
  const [days, setDays] = useState<number | null>(10);
  const result = useAddWorkingDays(from ? toIsoDate(from) : null, days);

  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item label={t('calendar.addDays.from')} htmlFor="add-days-from" layout="vertical" style={{ marginBottom: 8 }}>
          <DatePicker id="add-days-from" format={DATE_FORMAT} value={from} onChange={setFrom} allowClear={false} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item label={t('calendar.addDays.days')} htmlFor="add-days-count" layout="vertical" style={{ marginBottom: 8 }}>
          <InputNumber id="add-days-count" min={-3650} max={3650} precision={0} value={days} onChange={(v) => setDays(typeof v === 'number' ? v : null)} style={{ width: 140 }} />
        </Form.Item>
      </Flex>
      {result.data && (
        <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 4 }} data-testid="add-days-result">
          {t('calendar.addDays.result', { weekday: weekdayOf(result.data), date: formatDay(result.data) })}
        </Typography.Paragraph>
      )}
      {result.isError && <Alert type="error" showIcon title={errorMessage(result.error)} />}
      <Typography.Text type="secondary">{t('calendar.addDays.note')}</Typography.Text>
    </>
  );
}

export function LunarDateTool() {
  const [date, setDate] = useState<Dayjs | null>(dayjs(todayInVietnam()));
  const lunar = useLunarDate(date ? toIsoDate(date) : null);

  return (
    <>
      <Form.Item label={t('calendar.lunar.date')} htmlFor="lunar-date" layout="vertical" style={{ marginBottom: 8 }}>
        <DatePicker id="lunar-date" format={DATE_FORMAT} value={date} onChange={setDate} allowClear={false} style={{ width: 160 }} />
      </Form.Item>
      {lunar.data && (
        <Typography.Paragraph strong style={{ fontSize: 16, marginBottom: 0 }} data-testid="lunar-result">
          {t('calendar.lunar.result', {
            day: lunar.data.day,
            month: lunar.data.month,
            leap: lunar.data.leap ? t('calendar.lunar.leap') : '',
            yearName: lunarYearName(lunar.data.year),
            year: lunar.data.year,
          })}
        </Typography.Paragraph>
      )}
      {lunar.isError && <Alert type="error" showIcon title={errorMessage(lunar.error)} />}
    </>
  );
}
