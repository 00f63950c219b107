import { Card, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import type { FormInstance } from 'antd';
import { t } from '../../i18n';
import { DATE_FORMAT } from '../../lib/format';
import { includesFolded } from '../../lib/text';
import { useDocumentTypes } from './document-queries';
import { CARD_STYLES, notFuture, type RegisterValues } from './register-values';
import { SenderSelect } from './sender-select';

const required = { required: true, message: t('common.required') };
// "05/01/2026", "5/1/2026" and "05012026" all work: clerks copy dates from the paper without the calendar.
const DATE_INPUTS = [DATE_FORMAT, 'D/M/YYYY', 'DDMMYYYY'];

/**
 * What the paper says, in the order of the incoming register's columns (sender, number and notation, date,
 * type and subject, signer), so that Tab follows the page the clerk is reading.
 */
export function DocumentFieldsCard({ form }: { form: FormInstance<RegisterValues> }) {
  const types = useDocumentTypes();
  return (
    <Card size="small" title={t('incoming.form.document')} styles={CARD_STYLES}>
      <Form.Item name="sender" label={t('document.sender')} rules={[{ required: true, message: t('incoming.form.senderRequired') }]}>
        <SenderSelect focusOnMount />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={9}>
          <Form.Item name="numberNotation" label={t('document.numberNotation')} rules={[{ ...required, whitespace: true }]} extra={t('incoming.form.numberNotationHint')}>
            <Input placeholder="123/UBND-VP" maxLength={45} autoComplete="off" spellCheck={false} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={7}>
          {/* No clear buttons on these pickers: each would be one more Tab stop; typing over the text replaces it. */}
          <Form.Item name="issuedDate" label={t('document.issuedDate')} rules={[required]}>
            <DatePicker format={DATE_INPUTS} placeholder={DATE_FORMAT.toLowerCase()} disabledDate={notFuture} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name="typeCode" label={t('document.type')} rules={[required]}>
            <Select
              placeholder={t('incoming.form.typePlaceholder')}
              loading={types.isLoading}
              // "cong van" finds Công văn and "ttr" Tờ trình: clerks type fast, often without accents.
              showSearch={{ filterOption: (input, option) => includesFolded(`${option?.label ?? ''} ${option?.value ?? ''}`, input) }}
              options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="subject" label={t('document.subject')} rules={[{ ...required, whitespace: true }]}>
        <Input.TextArea
          placeholder={t('incoming.form.subjectPlaceholder')}
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={500}
          showCount
          // A subject is one sentence: Enter registers, as in every other field.
          onPressEnter={(e) => {
            e.preventDefault();
            form.submit();
          }}
        />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={9}>
          <Form.Item name="signerName" label={t('document.signerName')}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="signerPosition" label={t('document.signerPosition')}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={5}>
          <Form.Item name="pages" label={t('document.pages')} style={{ marginBottom: 0 }}>
            <InputNumber min={1} max={999} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
