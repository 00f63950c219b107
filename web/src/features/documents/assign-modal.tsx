import { Alert, Form, Input } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { useCurrentUser } from '../../app/session';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { dayjs, todayInVietnam } from '../../lib/format';
import { submitOnCtrlEnter } from '../../lib/submit-on-ctrl-enter';
import { AgencySelect } from '../org/agency-select';
import { isSecret } from './register-values';
import { dueBody, RoutingDueField, type RoutingDueValues } from './routing-due-field';
import { useRoutingDone } from './routing-queries';
import { TargetSelect, toRoutingTarget, type TargetValue } from './target-select';

interface Values extends RoutingDueValues {
  instruction: string;
  lead?: TargetValue;
  coordinators: TargetValue[];
  info: TargetValue[];
}

const values = (list: (TargetValue | undefined)[]) => list.flatMap((v) => (v ? [v.value] : []));

/**
 * The leader's direction (Decree 30/2020, art. 23.2): what to do, one lead unit or person, those who help
 * and those who only need to know, and by when. "Giao lại" replaces the lead and the helpers in one step.
 */
export function AssignModal({ document: d, reassign, onClose }: { document: IncomingDocument; reassign: boolean; onClose: () => void }) {
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const done = useRoutingDone(d.id);
  const [scope, setScope] = useState<string | null>(user.agency.id);
  const secret = isSecret(d.confidentiality);
  const lead = Form.useWatch('lead', form);
  const coordinators = Form.useWatch('coordinators', form) ?? [];
  const info = Form.useWatch('info', form) ?? [];
  const dueMode = Form.useWatch('dueMode', form);
  const dueDays = Form.useWatch('dueInWorkingDays', form);
  // The deadline set at registration, if still ahead, is the leader's starting point.
  const registeredDue = d.dueDate && d.dueDate >= todayInVietnam() ? d.dueDate : null;
  const replaced = d.routing.assignments.filter((a) => (a.role === 'lead' || a.role === 'coordinate') && a.parentId === null && ['pending', 'accepted', 'forwarded'].includes(a.status));

  return (
    <FormModal<Values, IncomingDocument>
      title={t(reassign ? 'routing.action.reassign' : 'routing.action.assign')}
      form={form}
      width={720}
      okText={t(reassign ? 'routing.action.reassign' : 'routing.action.assign')}
      onCancel={onClose}
      initialValues={{ instruction: '', coordinators: [], info: [], dueMode: registeredDue ? 'date' : 'none', dueDate: registeredDue ? dayjs(registeredDue) : undefined }}
      submit={(v) =>
        data(
          api.POST('/api/documents/{id}/assignments', {
            params: { path: { id: d.id } },
            body: {
              instruction: v.instruction.trim(),
              lead: toRoutingTarget(v.lead!),
              coordinators: v.coordinators.map(toRoutingTarget),
              info: v.info.map(toRoutingTarget),
              ...dueBody(v),
              reassign,
            },
          }),
        )
      }
      onDone={(detail) => {
        done(detail, reassign ? 'routing.success.reassign' : 'routing.success.assign');
        onClose();
      }}
    >
      {reassign && replaced.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('routing.form.reassignWarning', { names: replaced.map((a) => a.userName ?? a.unitName).join(', ') })} />
      )}
      <Form.Item name="instruction" label={t('routing.form.instruction')} rules={[{ required: true, whitespace: true, message: t('routing.form.instructionRequired') }]}>
        <Input.TextArea autoFocus autoSize={{ minRows: 2, maxRows: 6 }} maxLength={4000} placeholder={t('routing.form.instructionPlaceholder')} onKeyDown={submitOnCtrlEnter(form)} />
      </Form.Item>
      {secret ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('routing.form.secretPeopleOnly')} />
      ) : (
        <Form.Item label={t('routing.form.scope')} extra={t('routing.form.scopeHelp')}>
          <AgencySelect value={scope} onChange={setScope} placeholder={t('routing.form.scopeAll')} aria-label={t('routing.form.scope')} />
        </Form.Item>
      )}
      <Form.Item name="lead" label={t('routing.form.lead')} rules={[{ required: true, message: t('routing.form.leadRequired') }]}>
        <TargetSelect scope={scope} peopleOnly={secret} exclude={values([...coordinators, ...info])} placeholder={t('routing.form.targetPlaceholder')} />
      </Form.Item>
      <Form.Item name="coordinators" label={t('routing.form.coordinators')}>
        <TargetSelect multiple scope={scope} peopleOnly={secret} exclude={values([lead, ...info])} placeholder={t('routing.form.targetsPlaceholder')} />
      </Form.Item>
      <Form.Item name="info" label={t('routing.form.info')}>
        <TargetSelect multiple scope={scope} peopleOnly={secret} exclude={values([lead, ...coordinators])} placeholder={t('routing.form.targetsPlaceholder')} />
      </Form.Item>
      <RoutingDueField modes={['none', 'date', 'days']} label={t('routing.form.due')} mode={dueMode} days={dueDays} />
    </FormModal>
  );
}
