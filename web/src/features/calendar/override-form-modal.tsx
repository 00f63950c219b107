import { DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, data } from '../../api/client';
import type { CalendarOverride } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { DATE_FORMAT, dayjs, toIsoDate } from '../../lib/format';

interface Values {
  date: Dayjs;
  kind: CalendarOverride['kind'];
  name: string;
}

export function OverrideFormModal({ date, onClose, onSaved }: { date?: string; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm<Values>();
  const initialDay = date ? dayjs(date) : undefined;
  // A weekend day is usually picked to make it a working day, a weekday to give it off.
  const initialKind = initialDay && (initialDay.day() === 0 || initialDay.day() === 6) ? 'working_day' : 'day_off';

  return (
    <FormModal
      title={t('calendar.override.title')}
      form={form}
      submit={(v) => data(api.POST('/api/calendar/overrides', { body: { date: toIsoDate(v.date), kind: v.kind, name: v.name } }))}
      onDone={onSaved}
      onCancel={onClose}
      initialValues={{ date: initialDay, kind: initialKind }}
    >
      <Form.Item name="date" label={t('calendar.override.date')} rules={[{ required: true, message: t('common.required') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: 200 }} allowClear={false} />
      </Form.Item>
      <Form.Item name="kind" label={t('calendar.override.kind')} rules={[{ required: true, message: t('common.required') }]}>
        <Radio.Group
          options={[
            { value: 'day_off', label: t('calendar.override.kind.day_off') },
            { value: 'working_day', label: t('calendar.override.kind.working_day') },
          ]}
        />
      </Form.Item>
      <Form.Item name="name" label={t('calendar.override.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={200} placeholder={t('calendar.override.namePlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
