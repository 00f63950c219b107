import { Col, Form, Input, Row, Select } from 'antd';
import { api, data } from '../../api/client';
import { ROLES, type Role, type User } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { usePositions } from './org-queries';
import { UnitSelect } from './unit-select';

interface Values {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  unitId: string;
  positionId?: string | null;
  roles: Role[];
  password?: string;
}

const orNull = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : null);

/** Create (user undefined) or edit a user. The username and password are set only at creation. */
export function UserFormModal({ user, onClose, onSaved }: { user?: User; onClose: () => void; onSaved: (u: User) => void }) {
  const [form] = Form.useForm<Values>();
  const positions = usePositions();

  const submit = (v: Values) => {
    const common = { fullName: v.fullName, email: orNull(v.email), phone: orNull(v.phone), unitId: v.unitId, positionId: v.positionId ?? null, roles: v.roles };
    return user
      ? data(api.PATCH('/api/users/{id}', { params: { path: { id: user.id } }, body: common }))
      : data(api.POST('/api/users', { body: { ...common, username: v.username, password: v.password ?? '' } }));
  };

  const required = { required: true, message: t('common.required') };
  return (
    <FormModal
      title={t(user ? 'user.editTitle' : 'user.createTitle')}
      form={form}
      width={720}
      submit={submit}
      onDone={onSaved}
      onCancel={onClose}
      initialValues={
        user
          ? { username: user.username, fullName: user.fullName, email: user.email ?? '', phone: user.phone ?? '', unitId: user.unitId, positionId: user.positionId, roles: user.roles }
          : { roles: [] }
      }
    >
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="username" label={t('user.username')} rules={[required]} extra={user ? undefined : t('user.usernameHelp')}>
            <Input disabled={Boolean(user)} autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={50} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="fullName" label={t('user.fullName')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={150} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email', message: t('user.emailInvalid') }]}>
            <Input type="email" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="phone" label={t('user.phone')}>
            <Input type="tel" maxLength={20} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="unitId" label={t('user.unit')} rules={[required]}>
        <UnitSelect />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="positionId" label={t('user.position')}>
            <Select
              allowClear
              placeholder={t('user.positionPlaceholder')}
              loading={positions.isLoading}
              options={(positions.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="roles" label={t('user.roles')} rules={[{ ...required, type: 'array', min: 1 }]}>
            <Select mode="multiple" placeholder={t('user.rolesPlaceholder')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
      </Row>
      {!user && (
        <Form.Item name="password" label={t('user.initialPassword')} rules={[required]} extra={`${t('account.passwordRules')} ${t('user.initialPasswordHelp')}`}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}
