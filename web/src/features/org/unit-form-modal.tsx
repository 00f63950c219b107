import { Form, Input, Switch } from 'antd';
import { api, data } from '../../api/client';
import type { Unit } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { AgencySelect } from './agency-select';

interface Values {
  agencyId: string;
  name: string;
  shortName?: string;
  active?: boolean;
}

/** Create or edit a unit. The API does not move a unit to another agency, so the agency is fixed once created. */
export function UnitFormModal({ unit, defaultAgencyId, onClose, onSaved }: { unit?: Unit; defaultAgencyId?: string; onClose: () => void; onSaved: (u: Unit) => void }) {
  const [form] = Form.useForm<Values>();

  const submit = (v: Values) => {
    const shortName = v.shortName?.trim() ? v.shortName.trim() : null;
    return unit
      ? data(api.PATCH('/api/units/{id}', { params: { path: { id: unit.id } }, body: { name: v.name, shortName, active: v.active } }))
      : data(api.POST('/api/units', { body: { agencyId: v.agencyId, name: v.name, shortName } }));
  };

  return (
    <FormModal
      title={t(unit ? 'unit.editTitle' : 'unit.createTitle')}
      form={form}
      submit={submit}
      onDone={onSaved}
      onCancel={onClose}
      initialValues={unit ? { agencyId: unit.agencyId, name: unit.name, shortName: unit.shortName ?? '', active: unit.active } : { agencyId: defaultAgencyId }}
    >
      {unit ? (
        <Form.Item label={t('unit.agency')} extra={t('unit.agencyLocked')}>
          <Input value={unit.agencyName} disabled />
        </Form.Item>
      ) : (
        <Form.Item name="agencyId" label={t('unit.agency')} rules={[{ required: true, message: t('common.required') }]}>
          <AgencySelect allowClear={false} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="shortName" label={t('unit.shortName')}>
        <Input maxLength={20} style={{ maxWidth: 200 }} />
      </Form.Item>
      {unit && (
        <Form.Item name="active" label={t('unit.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
