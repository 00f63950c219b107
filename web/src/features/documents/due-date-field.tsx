import { DatePicker, Form, InputNumber, Radio } from 'antd';
import { t } from '../../i18n';
import { DATE_FORMAT, todayInVietnam, toIsoDate } from '../../lib/format';
import type { DueMode } from './register-values';

const MODES: DueMode[] = ['none', 'date', 'days'];

/** The handling deadline: none, a date, or N working days from receipt (counted by the server's calendar). */
export function DueDateField({ mode }: { mode: DueMode | undefined }) {
  return (
    <Form.Item label={t('incoming.form.due')} style={{ marginBottom: 0 }}>
      <Form.Item name="dueMode" style={{ marginBottom: 8 }}>
        <Radio.Group optionType="button" options={MODES.map((m) => ({ value: m, label: t(`incoming.form.due.${m}`) }))} />
      </Form.Item>
      {mode === 'date' && (
        <Form.Item name="dueDate" rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker
            aria-label={t('incoming.form.due.date')}
            format={[DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY']}
            disabledDate={(d) => toIsoDate(d) < todayInVietnam()}
            allowClear={false}
            style={{ width: 200 }}
          />
        </Form.Item>
      )}
      {mode === 'days' && (
        <Form.Item name="dueInWorkingDays" rules={[{ required: true, message: t('common.required') }]} extra={t('incoming.form.dueDaysHelp')}>
          <InputNumber aria-label={t('incoming.form.due.days')} min={1} max={365} precision={0} suffix={t('incoming.form.dueDaysSuffix')} style={{ width: 200 }} />
        </Form.Item>
      )}
    </Form.Item>
  );
}
