import { Col, Form, Input, Row, Select, Switch } from 'antd';
import { api, data } from '../../api/client';
import { AGENCY_TYPES, type Agency, type AgencyType } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { AgencySelect } from './agency-select';

interface Values {
  type: AgencyType;
  name: string;
  shortName: string;
  parentId?: string | null;
  identifierCode?: string;
  address?: string;
  active?: boolean;
}

const emptyToNull = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/** Create (agency undefined) or edit an agency. New agencies start active; deactivation is an edit. */
export function AgencyFormModal({ agency, onClose, onSaved }: { agency?: Agency; onClose: () => void; onSaved: (a: Agency) => void }) {
  const [form] = Form.useForm<Values>();
  const editing = Boolean(agency);

  const submit = (v: Values) => {
    const body = {
      type: v.type,
      name: v.name,
      shortName: v.shortName,
      parentId: v.parentId ?? null,
      identifierCode: emptyToNull(v.identifierCode),
      address: emptyToNull(v.address),
    };
    return agency
      ? data(api.PATCH('/api/agencies/{id}', { params: { path: { id: agency.id } }, body: { ...body, active: v.active } }))
      : data(api.POST('/api/agencies', { body }));
  };

  return (
    <FormModal
      title={t(editing ? 'agency.editTitle' : 'agency.createTitle')}
      form={form}
      width={640}
      submit={submit}
      onDone={onSaved}
      onCancel={onClose}
      initialValues={
        agency
          ? { type: agency.type, name: agency.name, shortName: agency.shortName, parentId: agency.parentId, identifierCode: agency.identifierCode ?? '', address: agency.address ?? '', active: agency.active }
          : { type: 'department' }
      }
    >
      <Form.Item name="type" label={t('agency.type')} rules={[{ required: true, message: t('common.required') }]}>
        <Select options={AGENCY_TYPES.map((type) => ({ value: type, label: t(`agencyType.${type}`) }))} />
      </Form.Item>
      <Form.Item name="name" label={t('agency.name')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
        <Input maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={10}>
          <Form.Item name="shortName" label={t('agency.shortName')} tooltip={t('agency.shortNameHelp')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
            <Input maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item name="identifierCode" label={t('agency.identifierCode')} extra={t('agency.identifierCodeHelp')}>
            <Input maxLength={13} placeholder="000.00.00.H41" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="parentId" label={t('agency.parent')}>
        <AgencySelect excludeId={agency?.id} placeholder={t('agency.parentPlaceholder')} />
      </Form.Item>
      <Form.Item name="address" label={t('agency.address')}>
        <Input maxLength={300} />
      </Form.Item>
      {editing && (
        <Form.Item name="active" label={t('agency.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      )}
    </FormModal>
  );
}
