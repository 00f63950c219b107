import { Checkbox, Form, Input, Radio, Select } from 'antd';
import { api, data } from '../../api/client';
import type { Body, Ok } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { includesFolded } from '../../lib/text';
import { useDocumentTypes } from '../documents/document-queries';

type Values = Body<'createDocumentRegister'>;
type Register = Ok<'createDocumentRegister'>;

/**
 * A clerk opens a register: a separate series for some types of outgoing documents (e.g. "Sổ Quyết định"
 * for QĐ, numbered 01/QĐ-UBND, 02/QĐ-UBND…), or a secret register, which keeps its own numbers.
 */
export function RegisterFormModal({ onClose, onCreated }: { onClose: () => void; onCreated: (r: Register) => void }) {
  const [form] = Form.useForm<Values>();
  const types = useDocumentTypes();
  const direction = Form.useWatch('direction', form);
  return (
    <FormModal<Values, Register>
      title={t('registers.create')}
      form={form}
      initialValues={{ direction: 'outgoing', secret: false, typeCodes: [] }}
      submit={(v) => data(api.POST('/api/document-registers', { body: { ...v, name: v.name.trim(), typeCodes: v.direction === 'outgoing' && v.typeCodes?.length ? v.typeCodes : undefined } }))}
      onDone={onCreated}
      onCancel={onClose}
    >
      <Form.Item name="name" label={t('registers.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input autoFocus maxLength={200} placeholder={t('registers.namePlaceholder')} />
      </Form.Item>
      <Form.Item name="direction" label={t('registers.direction')}>
        <Radio.Group optionType="button" options={(['incoming', 'outgoing'] as const).map((d) => ({ value: d, label: t(`registers.direction.${d}`) }))} />
      </Form.Item>
      {direction === 'outgoing' && (
        <Form.Item name="typeCodes" label={t('registers.typeCodes')} extra={t('registers.typeCodesHelp')}>
          <Select
            mode="multiple"
            loading={types.isLoading}
            options={(types.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
            showSearch={{ filterOption: (input, option) => includesFolded(`${option?.label ?? ''} ${option?.value ?? ''}`, input) }}
            placeholder={t('registers.typeCodesPlaceholder')}
          />
        </Form.Item>
      )}
      <Form.Item name="secret" valuePropName="checked" extra={t('registers.secretHelp')} style={{ marginBottom: 0 }}>
        <Checkbox>{t('registers.secret')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
