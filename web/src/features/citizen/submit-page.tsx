import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Form, Input, List, Radio, Result, Select, Space, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { t, type MessageKey } from '../../i18n';
import { applyServerErrors, errorMessage } from '../../lib/form-errors';
import { formatInstant } from '../../lib/format';
import { includesFolded } from '../../lib/text';
import { COMMUNE_TYPES, submitOnlineDossier, usePublicAgencies, usePublicProcedure, usePublicProcedures, type OnlineSubmission, type PublicProcedureDetail } from './citizen-queries';

interface ApplicantValues {
  handlingAgencyId?: string;
  applicant: { kind: 'person' | 'business' | 'organization'; name: string; representative?: string; idNumber: string; phone: string; email?: string; address: string };
  deliveryMethod: 'counter' | 'post' | 'online';
  note?: string;
}

function ProcedurePicker({ tenantCode, onPick }: { tenantCode: string; onPick: (id: string) => void }) {
  const [q, setQ] = useState('');
  const list = usePublicProcedures(tenantCode, q);
  const online = (list.data?.items ?? []).filter((p) => p.onlineService !== 'none');
  return (
    <Card title={t('citizen.submit.stepProcedure')}>
      <Input.Search aria-label={t('citizen.submit.search')} placeholder={t('citizen.submit.search')} allowClear enterButton onSearch={(v) => setQ(v.trim())} style={{ marginBottom: 8 }} />
      <Typography.Paragraph type="secondary">{t('citizen.submit.onlineOnly')}</Typography.Paragraph>
      <List
        loading={list.isFetching}
        dataSource={online}
        locale={{ emptyText: <Empty description={t('citizen.submit.noProcedure')} /> }}
        renderItem={(p) => (
          <List.Item actions={[<Button key="pick" type="primary" onClick={() => onPick(p.id)}>{t('citizen.submit.choose')}</Button>]}>
            <List.Item.Meta
              title={p.name}
              description={
                <Space wrap size={4}>
                  <Typography.Text type="secondary">{p.code}</Typography.Text>
                  <Tag color={p.onlineService === 'full' ? 'green' : 'blue'}>{t(`citizen.submit.online.${p.onlineService}` as MessageKey)}</Tag>
                  <Typography.Text type="secondary">{p.competentAgencyName}</Typography.Text>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

function SubmitForm({ tenantCode, procedure, onDone, onBack }: { tenantCode: string; procedure: PublicProcedureDetail; onDone: (r: OnlineSubmission) => void; onBack: () => void }) {
  const [form] = Form.useForm<ApplicantValues>();
  const [files, setFiles] = useState<Map<string, File>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const agencies = usePublicAgencies(tenantCode);
  const communes = (agencies.data?.items ?? []).filter((a) => COMMUNE_TYPES.includes(a.type));
  const kind = Form.useWatch(['applicant', 'kind'], form);
  const mutation = useMutation({
    mutationFn: (v: ApplicantValues) => submitOnlineDossier(tenantCode, { ...v, procedureId: procedure.id }, files),
    onSuccess: onDone,
    onError: (e) => setError(applyServerErrors(form, e)),
  });
  const submit = (v: ApplicantValues) => {
    const missing = procedure.components.filter((c) => c.required && !files.has(c.id)).map((c) => c.name);
    if (missing.length > 0) return setError(t('citizen.submit.missingFiles', { names: missing.join('; ') }));
    setError(null);
    mutation.mutate(v);
  };
  const setFile = (id: string, file: File | null) =>
    setFiles((prev) => {
      const next = new Map(prev);
      if (file) next.set(id, file);
      else next.delete(id);
      return next;
    });
  const required = { required: true, whitespace: true, message: t('citizen.submit.required') };
  return (
    <Card title={t('citizen.submit.chosen')} extra={<Button onClick={onBack}>{t('citizen.submit.change')}</Button>}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {procedure.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {procedure.code} · {procedure.competentAgencyName}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={{ applicant: { kind: 'person' }, deliveryMethod: 'counter' }} onFinish={submit} scrollToFirstError={{ focus: true }}>
        {procedure.level === 'commune' && (
          <Form.Item name="handlingAgencyId" label={t('citizen.submit.commune')} rules={[{ required: true, message: t('citizen.submit.communeRequired') }]}>
            <Select
              loading={agencies.isLoading}
              showSearch={{ filterOption: (input, option) => includesFolded(String(option?.label ?? ''), input) }}
              options={communes.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        )}
        <Typography.Title level={5}>{t('citizen.submit.stepApplicant')}</Typography.Title>
        <Form.Item name={['applicant', 'kind']} label={t('citizen.submit.kind')}>
          <Radio.Group options={(['person', 'business', 'organization'] as const).map((k) => ({ value: k, label: t(`citizen.submit.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item name={['applicant', 'name']} label={t('citizen.submit.name')} rules={[required]}>
          <Input autoComplete="name" maxLength={300} />
        </Form.Item>
        {kind && kind !== 'person' && (
          <Form.Item name={['applicant', 'representative']} label={t('citizen.submit.representative')}>
            <Input maxLength={200} />
          </Form.Item>
        )}
        <Form.Item name={['applicant', 'idNumber']} label={t('citizen.submit.idNumber')} rules={[required]}>
          <Input inputMode="numeric" maxLength={20} />
        </Form.Item>
        <Form.Item name={['applicant', 'phone']} label={t('citizen.submit.phone')} rules={[required]}>
          <Input inputMode="tel" autoComplete="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name={['applicant', 'email']} label={t('citizen.submit.email')}>
          <Input type="email" autoComplete="email" maxLength={200} />
        </Form.Item>
        <Form.Item name={['applicant', 'address']} label={t('citizen.submit.address')} rules={[required]}>
          <Input autoComplete="street-address" maxLength={500} />
        </Form.Item>
        <Form.Item name="deliveryMethod" label={t('citizen.submit.delivery')}>
          <Radio.Group options={(['counter', 'post', 'online'] as const).map((k) => ({ value: k, label: t(`citizen.submit.delivery.${k}`) }))} />
        </Form.Item>
        <Typography.Title level={5}>{t('citizen.submit.stepFiles')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('citizen.submit.fileHelp')}</Typography.Paragraph>
        <List
          dataSource={procedure.components}
          renderItem={(c) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <div>
                  {c.name} {c.required && <Tag color="red">{t('citizen.submit.componentRequired')}</Tag>}
                </div>
                <Upload
                  accept=".pdf,.png,.jpg,.jpeg,.docx"
                  maxCount={1}
                  beforeUpload={(file) => {
                    setFile(c.id, file);
                    return false;
                  }}
                  onRemove={() => setFile(c.id, null)}
                  fileList={files.has(c.id) ? [{ uid: c.id, name: files.get(c.id)!.name, status: 'done' }] : []}
                >
                  <Button icon={<PaperClipOutlined aria-hidden />} style={{ marginTop: 4 }}>
                    {t('citizen.submit.attach')}
                  </Button>
                </Upload>
              </div>
            </List.Item>
          )}
        />
        <Form.Item name="note" label={t('citizen.submit.note')} style={{ marginTop: 16 }}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={mutation.isPending}>
          {t('citizen.submit.send')}
        </Button>
      </Form>
    </Card>
  );
}

/** Submit a dossier online: pick a procedure offered online, fill in the applicant, attach each component. */
export function SubmitPage({ tenantCode }: { tenantCode: string }) {
  const [procedureId, setProcedureId] = useState<string | null>(null);
  const [done, setDone] = useState<OnlineSubmission | null>(null);
  const procedure = usePublicProcedure(tenantCode, procedureId);
  if (done) {
    return (
      <Result
        status="success"
        title={t('citizen.submit.done')}
        subTitle={t('citizen.submit.doneHelp', { at: formatInstant(done.receiveDueAt) })}
        extra={[
          <Typography.Paragraph key="ref" copyable={{ text: done.reference }} strong style={{ fontSize: 16 }}>
            {done.reference}
          </Typography.Paragraph>,
          <Link key="follow" to={`/cong-khai/dich-vu-cong/${tenantCode}/tra-cuu?ma=${done.reference}`}>
            <Button type="primary">{t('citizen.submit.followIt')}</Button>
          </Link>,
          <Button
            key="again"
            onClick={() => {
              setDone(null);
              setProcedureId(null);
            }}
          >
            {t('citizen.submit.another')}
          </Button>,
        ]}
      />
    );
  }
  if (!procedureId) return <ProcedurePicker tenantCode={tenantCode} onPick={setProcedureId} />;
  if (procedure.isLoading || !procedure.data) return procedure.isError ? <Alert type="error" showIcon title={errorMessage(procedure.error)} /> : <Spin />;
  return <SubmitForm tenantCode={tenantCode} procedure={procedure.data} onDone={setDone} onBack={() => setProcedureId(null)} />;
}
