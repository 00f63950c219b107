import { Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { api, data } from '../../api/client';
import type { IncomingDocument } from '../../api/types';
import { FormModal } from '../../components/form-modal';
import { t } from '../../i18n';
import { useDebounced } from '../../lib/use-debounced';
import { usePeople } from '../org/org-queries';
import { useRoutingDone } from './routing-queries';
import { submitOnCtrlEnter } from '../../lib/submit-on-ctrl-enter';

interface Values {
  leaderId?: string;
  note?: string;
}

/** The leaders the clerk may present to, of the whole province (the Office presents to the People's Committee's leaders), found by name. */
function LeaderSelect({ id, value, onChange }: { id?: string; value?: string; onChange?: (v: string) => void }) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250) || undefined;
  const leaders = usePeople({ q, role: 'leader', limit: 50 });
  const options = (leaders.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName, detail: [u.positionName, u.unitName, u.agencyName].filter(Boolean).join(', ') }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      optionRender={(o) => (
        <div style={{ whiteSpace: 'normal', lineHeight: 1.35 }}>
          <div>{o.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.data.detail}
          </Typography.Text>
        </div>
      )}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => !open && setSearch('')}
      autoFocus
      loading={leaders.isFetching}
      placeholder={t('routing.form.leaderPlaceholder')}
      notFoundContent={leaders.isFetching ? t('app.loading') : t('routing.form.leaderEmpty')}
      style={{ width: '100%' }}
    />
  );
}

/** The clerk presents a registered document to a leader, who gives the direction (Decree 30/2020, art. 23.1). */
export function PresentModal({ document: d, onClose }: { document: IncomingDocument; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const done = useRoutingDone(d.id);
  return (
    <FormModal
      title={t('routing.action.present')}
      form={form}
      okText={t('routing.form.presentSubmit')}
      onCancel={onClose}
      submit={(v) => data(api.POST('/api/documents/{id}/present', { params: { path: { id: d.id } }, body: { leaderId: v.leaderId!, note: v.note?.trim() || undefined } }))}
      onDone={(detail) => {
        done(detail, 'routing.success.present');
        onClose();
      }}
    >
      <Form.Item name="leaderId" label={t('routing.form.leader')} rules={[{ required: true, message: t('routing.form.leaderRequired') }]}>
        <LeaderSelect />
      </Form.Item>
      <Form.Item name="note" label={t('routing.form.presentNote')} style={{ marginBottom: 0 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} placeholder={t('routing.form.presentNotePlaceholder')} onKeyDown={submitOnCtrlEnter(form)} />
      </Form.Item>
    </FormModal>
  );
}
