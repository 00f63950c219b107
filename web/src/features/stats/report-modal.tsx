import { App, Alert, DatePicker, Form, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@tanstack/react-query';
import { t } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { DATE_FORMAT, dayjs, toIsoDate } from '../../lib/format';
import { saveFile } from '../../lib/save-file';
import { fetchPeriodicReport } from './stats-queries';
import type { Period } from './stats-period';
import type { ReportFormat, ReportKind } from './stats-types';

interface Values {
  range: [Dayjs, Dayjs];
  kind: ReportKind;
  format: ReportFormat;
}

/**
 * "Tạo báo cáo": the periodic report (sơ kết for part of a year, tổng kết for a whole one) of the dashboard's
 * period, as an editable DOCX or a PDF, ready to become an outgoing document.
 */
export function ReportModal({ period, onClose }: { period: Period; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const make = useMutation({
    mutationFn: (v: Values) => fetchPeriodicReport({ from: toIsoDate(v.range[0]), to: toIsoDate(v.range[1]), kind: v.kind, format: v.format }),
    onSuccess: ({ blob, fileName }) => {
      saveFile(blob, fileName);
      message.success(t('dashboard.report.done', { name: fileName }));
      onClose();
    },
  });
  // A whole calendar year is a tổng kết; anything shorter a sơ kết.
  const initialKind: ReportKind = period.from.endsWith('-01-01') && dayjs(period.to).diff(dayjs(period.from), 'day') >= 364 ? 'tong-ket' : 'so-ket';

  return (
    <Modal
      open
      title={t('dashboard.report.title')}
      okText={t('dashboard.report.make')}
      cancelText={t('common.cancel')}
      confirmLoading={make.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {make.isError && <Alert type="error" showIcon role="alert" title={errorMessage(make.error)} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ range: [dayjs(period.from), dayjs(period.to)], kind: initialKind, format: 'docx' }}
        onFinish={(v) => make.mutate(v)}
      >
        <Form.Item name="range" label={t('dashboard.report.period')} rules={[{ required: true, message: t('dashboard.report.periodRequired') }]}>
          <DatePicker.RangePicker format={DATE_FORMAT} allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="kind" label={t('dashboard.report.kind')}>
          <Radio.Group
            options={[
              { value: 'so-ket', label: t('dashboard.report.kind.so-ket') },
              { value: 'tong-ket', label: t('dashboard.report.kind.tong-ket') },
            ]}
          />
        </Form.Item>
        <Form.Item name="format" label={t('dashboard.report.format')} extra={t('dashboard.report.formatHelp')}>
          <Radio.Group
            options={[
              { value: 'docx', label: t('dashboard.report.format.docx') },
              { value: 'pdf', label: t('dashboard.report.format.pdf') },
            ]}
          />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
