import { Descriptions, Form, InputNumber, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { DocumentTypeCode } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { formatDay } from '../../lib/format';
import { includesFolded } from '../../lib/text';
import { useDocumentTypes } from '../documents/document-queries';
import { registerMessage, type ExchangeMessage, type Registered } from './exchange-queries';

interface Values {
  typeCode?: DocumentTypeCode;
  dueInWorkingDays?: number | null;
}

type DocumentType = { code: string; name: string };

/** The Decree 30 type the message names, compared as the server does (case and accents aside). */
export const typeNamed = (types: DocumentType[] | undefined, name: string | null): DocumentTypeCode | undefined =>
  name ? (types?.find((x) => x.name.localeCompare(name, 'vi', { sensitivity: 'base' }) === 0)?.code as DocumentTypeCode | undefined) : undefined;

/**
 * "Vào sổ…": the message registered with a type chosen by the clerk (when the message names none, or a name
 * outside Decree 30's list) and, if wanted, a deadline in working days. Everything else comes from the message.
 */
export function RegisterModal({ message: m, onClose, onDone }: { message: ExchangeMessage; onClose: () => void; onDone: (r: Registered) => void }) {
  const [form] = Form.useForm<Values>();
  const types = useDocumentTypes();
  const named = typeNamed(types.data, m.typeName);
  // The types usually came with the list; if not, the message's own type is filled in when they arrive.
  useEffect(() => {
    if (named && !form.getFieldValue('typeCode')) form.setFieldValue('typeCode', named);
  }, [form, named]);
  const typeHelp = named ? t('exchange.register.typeFromMessage', { name: m.typeName ?? '' }) : m.typeName ? t('exchange.register.typeUnknown', { name: m.typeName }) : t('exchange.register.typeMissing');

  return (
    <FormModal<Values, Registered>
      title={t('exchange.register.title')}
      form={form}
      okText={t('exchange.register.submit')}
      onCancel={onClose}
      submit={(v) => registerMessage(m.id, { typeCode: v.typeCode, dueInWorkingDays: v.dueInWorkingDays ?? undefined })}
      onDone={onDone}
      initialValues={{ typeCode: named }}
      width={620}
    >
      <Typography.Paragraph type="secondary">{t('exchange.register.intro')}</Typography.Paragraph>
      <Descriptions
        size="small"
        column={1}
        bordered
        style={{ marginBottom: 16 }}
        items={[
          { key: 'number', label: t('exchange.numberNotation'), children: <strong>{m.numberNotation}</strong> },
          { key: 'date', label: t('exchange.promulgationDate'), children: formatDay(m.promulgationDate) || t('common.none') },
          { key: 'sender', label: t('exchange.sender'), children: <span className="vps-wrap">{m.fromName}</span> },
          { key: 'subject', label: t('exchange.subject'), children: <span className="vps-wrap">{m.subject}</span> },
        ]}
      />
      <Form.Item name="typeCode" label={t('exchange.register.type')} rules={[{ required: true, message: t('exchange.register.typeRequired') }]} extra={typeHelp}>
        <Select
          loading={types.isPending}
          showSearch={{ filterOption: (input, option) => includesFolded(String(option?.label ?? ''), input) }}
          options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
        />
      </Form.Item>
      <Form.Item name="dueInWorkingDays" label={t('exchange.register.due')} extra={t('exchange.register.dueHelp')}>
        <InputNumber min={1} max={365} precision={0} suffix={t('exchange.register.dueSuffix')} style={{ width: 220 }} />
      </Form.Item>
    </FormModal>
  );
}
