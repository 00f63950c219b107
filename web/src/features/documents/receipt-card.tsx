import { Card, Col, DatePicker, Form, Radio, Row } from 'antd';
import { CONFIDENTIALITIES, URGENCIES } from '../../api/types';
import { t } from '../../i18n';
import { DATE_TIME_FORMAT } from '../../lib/format';
import { DueDateField } from './due-date-field';
import { CARD_STYLES, notFuture, type DueMode } from './register-values';
import { ViewerSelect } from './viewer-select';

/** How and when the document came in, how urgent and how secret it is, and by when it must be handled. */
export function ReceiptCard({ secret, dueMode }: { secret: boolean; dueMode: DueMode | undefined }) {
  return (
    <Card size="small" title={t('incoming.form.receipt')} style={{ height: '100%' }} styles={CARD_STYLES}>
      <Row gutter={16}>
        <Col flex="none">
          <Form.Item name="channel" label={t('document.channel')}>
            <Radio.Group optionType="button" options={(['paper', 'electronic'] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col flex="auto">
          <Form.Item name="receivedAt" label={t('incoming.form.receivedAt')} rules={[{ required: true, message: t('common.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} disabledDate={notFuture} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="urgency" label={t('document.urgency')}>
        <Radio.Group optionType="button" options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
      </Form.Item>
      <Form.Item name="confidentiality" label={t('document.confidentiality')}>
        <Radio.Group optionType="button" options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`confidentiality.${c}`) }))} />
      </Form.Item>
      <DueDateField mode={dueMode} />
      {secret && (
        <Form.Item name="viewers" label={t('incoming.form.viewers')} extra={t('incoming.form.viewersHelp')} style={{ marginTop: 16, marginBottom: 0 }}>
          <ViewerSelect />
        </Form.Item>
      )}
    </Card>
  );
}
