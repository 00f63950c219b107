import { DatePicker, Form, InputNumber, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { t } from '../../i18n';
import { DATE_FORMAT, formatDay, todayInVietnam, toIsoDate, weekdayOf } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { useAddWorkingDays } from '../calendar/calendar-queries';

/** none: no deadline; keep: the current one (forwarding); date: a day; days: N working days from today. */
export type RoutingDueMode = 'none' | 'keep' | 'date' | 'days';

export interface RoutingDueValues {
  dueMode: RoutingDueMode;
  dueDate?: Dayjs;
  dueInWorkingDays?: number | null;
}

/** The request's deadline members: one of the two, or neither. */
export const dueBody = (v: RoutingDueValues): { dueDate?: string; dueInWorkingDays?: number } => {
  if (v.dueMode === 'date' && v.dueDate) return { dueDate: toIsoDate(v.dueDate) };
  if (v.dueMode === 'days' && v.dueInWorkingDays) return { dueInWorkingDays: v.dueInWorkingDays };
  return {};
};

/** The day N working days from today, as the server will count it (its calendar knows the holidays). */
function WorkingDaysResult({ days }: { days: number | null | undefined }) {
  const settled = useDebounced(days ?? null, 300);
  const result = useAddWorkingDays(todayInVietnam(), settled && settled > 0 ? settled : null);
  if (!result.data || settled !== days) return null;
  return (
    <Typography.Text strong data-testid="due-days-result">
      {t('routing.form.dueDaysResult', { weekday: weekdayOf(result.data), date: formatDay(result.data) })}
    </Typography.Text>
  );
}

/** The handling deadline of an assignment: a date, or N working days counted by the work calendar. */
interface RoutingDueFieldProps {
  modes: RoutingDueMode[];
  label: string;
  mode: RoutingDueMode | undefined;
  days: number | null | undefined;
  /** A new deadline must fall after this one (an extension). */
  after?: string | null;
}

export function RoutingDueField({ modes, label, mode, days, after }: RoutingDueFieldProps) {
  const required = { required: true, message: t('routing.form.dueRequired') };
  return (
    <Form.Item label={label} required={!modes.includes('none') && !modes.includes('keep')} style={{ marginBottom: 0 }}>
      <Form.Item name="dueMode" style={{ marginBottom: 8 }}>
        <Radio.Group optionType="button" options={modes.map((m) => ({ value: m, label: t(`routing.form.due.${m}`) }))} />
      </Form.Item>
      {mode === 'date' && (
        <Form.Item name="dueDate" rules={[required]}>
          <DatePicker
            aria-label={t('routing.form.due.date')}
            format={[DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY']}
            disabledDate={(d) => toIsoDate(d) < todayInVietnam() || (after ? toIsoDate(d) <= after : false)}
            allowClear={false}
            style={{ width: 200 }}
          />
        </Form.Item>
      )}
      {mode === 'days' && (
        <Form.Item name="dueInWorkingDays" rules={[required]} extra={<>{t('routing.form.dueDaysHelp')} <WorkingDaysResult days={days} /></>}>
          <InputNumber aria-label={t('routing.form.due.days')} min={1} max={365} precision={0} suffix={t('routing.form.dueDaysSuffix')} style={{ width: 200 }} />
        </Form.Item>
      )}
    </Form.Item>
  );
}
