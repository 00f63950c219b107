import { CheckOutlined, CloseCircleOutlined, FileSearchOutlined, PrinterOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Col, Descriptions, Flex, Form, Input, Radio, Result, Row, Select, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import type { RefSelectProps } from 'antd/es/select';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { csrfHeaders } from '../../api/client';
import { useCurrentUser } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { t } from '../../i18n';
import { applyServerErrors, errorMessage } from '../../lib/form-errors';
import { formatNumber } from '../../lib/format';
import { useDebounced } from '../../lib/use-debounced';
import { foldVietnamese } from '../../lib/text';
import type { UploadResponse } from '../documents/register-values';
import { useCommunes } from '../meetings/meeting-pickers';
import { formatAppointment } from './dossier-display';
import { dossierFormUrl, dossierPath, intakeSlipPdfUrl, openPdf } from './dossier-paths';
import { receiveDossier, useDossierChanged, useProcedure, useReusableResults } from './dossier-queries';
import type { ApplicantKind, Procedure, ProcedureComponent, ProcedureSummary, ReceiveBody, ReceiveOutcome, ReusableResult } from './dossier-types';
import { ProcedureFinder, timeLimitText } from './procedure-finder';
import { SlipItemsModal } from './slip-items-modal';

interface ComponentValue {
  received?: boolean;
  files?: UploadFile<UploadResponse>[];
  digitized?: boolean;
  reuse?: string;
}

interface Values {
  applicantKind: ApplicantKind;
  name: string;
  representative?: string;
  idNumber: string;
  phone: string;
  email?: string;
  address: string;
  handlingAgencyId?: string;
  channel: 1 | 3;
  deliveryMethod: 'counter' | 'post';
  counter?: string;
  components: Record<string, ComponentValue>;
}

type Decision = ReceiveBody['decision'];

// The counter a person sits at rarely changes: the browser keeps it between dossiers and days.
const COUNTER_KEY = 'vps.dossiers.counter';
const savedCounter = (): string | undefined => {
  try {
    return localStorage.getItem(COUNTER_KEY) ?? undefined;
  } catch {
    return undefined;
  }
};

const COMMUNE_TYPES = new Set(['commune_committee', 'ward_committee', 'special_zone_committee']);

const ACCEPT = '.pdf,.docx,.png,.jpg,.jpeg,.tif,.tiff';

const fileIdOf = (v: ComponentValue | undefined): string | undefined => {
  const f = v?.files?.[0];
  return f?.status === 'done' ? f.response?.id : undefined;
};
const isReceived = (v: ComponentValue | undefined) => Boolean(v?.received || v?.reuse);

function bodyOf(decision: Decision, procedure: Procedure, v: Values, items?: string[]): ReceiveBody {
  const trim = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    decision,
    procedureId: procedure.id,
    channel: v.channel,
    applicant: {
      kind: v.applicantKind,
      name: v.name?.trim() ?? '',
      representative: v.applicantKind === 'person' ? undefined : trim(v.representative),
      idNumber: v.idNumber?.trim() ?? '',
      phone: v.phone?.trim() ?? '',
      email: trim(v.email),
      address: v.address?.trim() ?? '',
    },
    handlingAgencyId: procedure.level === 'commune' ? v.handlingAgencyId : undefined,
    components: procedure.components
      .filter((c) => isReceived(v.components?.[c.id]))
      .map((c) => {
        const cv = v.components[c.id];
        return { procedureComponentId: c.id, fileId: fileIdOf(cv), digitized: Boolean(cv?.digitized || cv?.reuse), reusedFromDossierId: cv?.reuse, copies: c.copies };
      }),
    deliveryMethod: v.deliveryMethod,
    counter: trim(v.counter),
    items,
  };
}

function ProcedureFacts({ procedure }: { procedure: Procedure }) {
  const fees = procedure.fees ?? [];
  return (
    <Descriptions size="small" column={{ xs: 1, md: 4 }} style={{ marginTop: 12 }} data-testid="procedure-facts">
      <Descriptions.Item label={t('dossiers.counter.code')}>{procedure.code}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.counter.field')}>{procedure.field}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.counter.competent')}>{procedure.competentAgencyName}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.counter.timeLimit')}>
        <strong>{timeLimitText(procedure)}</strong>
      </Descriptions.Item>
      {fees.length > 0 && (
        <Descriptions.Item label={t('dossiers.counter.fees')} span="filled">
          {fees.map((f) => `${f.name}: ${formatNumber(f.amount)} đ`).join(' · ')}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function ApplicantFields({ kind }: { kind: ApplicantKind | undefined }) {
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];
  return (
    <>
      <Form.Item name="applicantKind" style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          size="small"
          options={(['person', 'business', 'organization'] as const).map((k) => ({ value: k, label: t(`dossiers.applicant.kind.${k}`) }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="name" label={t(kind === 'person' ? 'dossiers.applicant.name' : 'dossiers.applicant.orgName')} rules={required('dossiers.applicant.nameRequired')}>
            <Input maxLength={300} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="idNumber"
            label={t(kind === 'person' ? 'dossiers.applicant.idNumber' : 'dossiers.applicant.taxCode')}
            rules={[
              ...required('dossiers.applicant.idRequired'),
              {
                validator: (_, v: string | undefined) => {
                  const digits = (v ?? '').replace(/[\s.-]/g, '');
                  if (!digits || (kind === 'person' ? /^(\d{9}|\d{12})$/ : /^(\d{10}|\d{13})$/).test(digits)) return Promise.resolve();
                  return Promise.reject(new Error(t(kind === 'person' ? 'dossiers.applicant.idInvalid' : 'dossiers.applicant.taxCodeInvalid')));
                },
              },
            ]}
          >
            <Input maxLength={20} autoComplete="off" inputMode="numeric" />
          </Form.Item>
        </Col>
      </Row>
      {kind !== 'person' && (
        <Form.Item name="representative" label={t('dossiers.applicant.representative')}>
          <Input maxLength={200} autoComplete="off" />
        </Form.Item>
      )}
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item
            name="phone"
            label={t('dossiers.applicant.phone')}
            rules={[...required('dossiers.applicant.phoneRequired'), { pattern: /^\s*(0|\+84)[\d\s.-]{9,13}$/, message: t('dossiers.applicant.phoneInvalid') }]}
          >
            <Input maxLength={20} autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="email" label={t('dossiers.applicant.email')} rules={[{ type: 'email', message: t('dossiers.applicant.emailInvalid') }]}>
            <Input maxLength={200} autoComplete="off" inputMode="email" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="address" label={t('dossiers.applicant.address')} rules={required('dossiers.applicant.addressRequired')} style={{ marginBottom: 0 }}>
        <Input maxLength={500} autoComplete="off" />
      </Form.Item>
    </>
  );
}

const formLabel = (c: Pick<ProcedureComponent, 'form' | 'copies'>) => `${t(`dossiers.componentForm.${c.form}`)} · ${t('dossiers.counter.copies', { n: c.copies })}`;

function ComponentsChecklist({ procedure, reusable }: { procedure: Procedure; reusable: ReusableResult[] }) {
  const reuseOptions = reusable.map((r) => ({ value: r.dossierId, label: `${r.code ?? ''} — ${r.resultSummary ?? r.procedureName}` }));
  return (
    <Table<ProcedureComponent>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={procedure.components}
      data-testid="components-checklist"
      locale={{ emptyText: t('dossiers.counter.noComponents') }}
      columns={[
        {
          title: t('dossiers.counter.component'),
          key: 'name',
          render: (_, c) => (
            <div className="vps-wrap">
              <Form.Item name={['components', c.id, 'received']} valuePropName="checked" noStyle>
                <Checkbox>
                  <span style={{ fontWeight: 500 }}>{c.name}</span>
                  {c.required ? <Typography.Text type="danger"> *</Typography.Text> : <Tag style={{ marginInlineStart: 6 }}>{t('dossiers.counter.optional')}</Tag>}
                </Checkbox>
              </Form.Item>
              <div style={{ paddingInlineStart: 24 }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formLabel(c)}
                </Typography.Text>
                {reuseOptions.length > 0 && (
                  <div style={{ marginTop: 4, maxWidth: 360 }}>
                    <Form.Item name={['components', c.id, 'reuse']} noStyle>
                      <Select allowClear size="small" placeholder={t('dossiers.counter.reuse')} aria-label={t('dossiers.counter.reuse')} options={reuseOptions} style={{ width: '100%' }} />
                    </Form.Item>
                  </div>
                )}
              </div>
            </div>
          ),
        },
        {
          title: t('dossiers.counter.file'),
          key: 'file',
          width: 150,
          render: (_, c) => (
            <Form.Item name={['components', c.id, 'files']} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)} noStyle>
              <Upload name="file" action="/api/files" headers={csrfHeaders()} maxCount={1} accept={ACCEPT} className="vps-wrap">
                <Button size="small" icon={<UploadOutlined aria-hidden />} aria-label={t('dossiers.counter.uploadFor', { name: c.name })}>
                  {t('dossiers.counter.upload')}
                </Button>
              </Upload>
            </Form.Item>
          ),
        },
        {
          title: t('dossiers.counter.digitized'),
          key: 'digitized',
          width: 80,
          align: 'center',
          render: (_, c) => (
            <Form.Item name={['components', c.id, 'digitized']} valuePropName="checked" noStyle>
              <Checkbox aria-label={t('dossiers.counter.digitizedFor', { name: c.name })} />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

function Receipt({ outcome, onNext }: { outcome: ReceiveOutcome; onNext: () => void }) {
  const { dossier, slip } = outcome;
  if (dossier) {
    return (
      <Result
        status="success"
        title={t('dossiers.counter.received')}
        subTitle={
          <div data-testid="receipt-result">
            <div style={{ fontSize: 22, fontWeight: 700, color: 'rgba(0,0,0,0.88)', margin: '8px 0' }} data-testid="dossier-code">
              {dossier.code}
            </div>
            <div>
              {t('dossiers.counter.appointment')}: <strong data-testid="dossier-appointment">{formatAppointment(dossier.appointmentAt)}</strong>
            </div>
          </div>
        }
        extra={[
          <Button key="print" type="primary" size="large" icon={<PrinterOutlined aria-hidden />} autoFocus onClick={() => openPdf(dossierFormUrl(dossier.id, 'receipt'))}>
            {t('dossiers.counter.printReceipt')}
          </Button>,
          <Link key="open" to={dossierPath(dossier.id)}>
            <Button size="large">{t('dossiers.counter.openDossier')}</Button>
          </Link>,
          <Button key="next" size="large" icon={<ReloadOutlined aria-hidden />} onClick={onNext}>
            {t('dossiers.counter.next')}
          </Button>,
        ]}
      />
    );
  }
  const kind = slip?.kind ?? 'guidance';
  return (
    <Result
      status={kind === 'refusal' ? 'warning' : 'info'}
      title={t(`dossiers.counter.slipDone.${kind}`)}
      extra={[
        slip && (
          <Button key="print" type="primary" size="large" icon={<PrinterOutlined aria-hidden />} autoFocus onClick={() => openPdf(intakeSlipPdfUrl(slip.id))}>
            {t(`dossiers.counter.printSlip.${kind}`)}
          </Button>
        ),
        <Button key="next" size="large" icon={<ReloadOutlined aria-hidden />} onClick={onNext}>
          {t('dossiers.counter.next')}
        </Button>,
      ]}
    />
  );
}

/** The missing required components, as the guidance slip first lists them. */
const missingOf = (procedure: Procedure, v: Values): string[] =>
  procedure.components.filter((c) => c.required && !isReceived(v.components?.[c.id])).map((c) => `${c.name} (${formLabel(c)})`);

/**
 * The counter screen (Tiếp nhận hồ sơ): find the procedure, fill in the applicant, tick the components
 * against the procedure's list (file, digitized, or an earlier digitized result reused), and receive — or
 * give the guidance slip to complete it, or the refusal slip.
 */
export function CounterPage() {
  const [form] = Form.useForm<Values>();
  const finder = useRef<RefSelectProps>(null);
  const [summary, setSummary] = useState<ProcedureSummary>();
  const procedure = useProcedure(summary?.id);
  const [error, setError] = useState<string | null>(null);
  // the slip dialog says the server's own sentence: the field it names may lie behind the dialog
  const [slipError, setSlipError] = useState<string | null>(null);
  const [slipKind, setSlipKind] = useState<'guidance' | 'refusal' | null>(null);
  const [outcome, setOutcome] = useState<ReceiveOutcome | null>(null);
  const changed = useDossierChanged();
  const user = useCurrentUser();
  const communes = useCommunes();
  const kind = Form.useWatch('applicantKind', form);
  const idNumber = useDebounced(Form.useWatch('idNumber', form) ?? '', 500);
  const reusable = useReusableResults(idNumber);
  // An applicant seen before: their name is taken from the earlier dossier when the field is still empty.
  const knownName = reusable.data?.items[0]?.applicantName;
  useEffect(() => {
    if (knownName && !form.getFieldValue('name')) form.setFieldValue('name', knownName);
  }, [knownName, form]);

  const send = useMutation({
    mutationFn: (p: { decision: Decision; items?: string[] }) => receiveDossier(bodyOf(p.decision, procedure.data!, form.getFieldsValue(true) as Values, p.items)),
    onSuccess: (result) => {
      setSlipKind(null);
      setOutcome(result);
      changed(undefined, '');
      const counter = form.getFieldValue('counter') as string | undefined;
      try {
        if (counter?.trim()) localStorage.setItem(COUNTER_KEY, counter.trim());
      } catch {
        // a private window keeps nothing: the counter is typed again next time
      }
    },
    onError: (e) => {
      setSlipError(errorMessage(e));
      setError(applyServerErrors(form, e));
    },
  });

  const restart = () => {
    form.resetFields();
    form.setFieldsValue({ counter: savedCounter() });
    setOutcome(null);
    setError(null);
    setSummary(undefined);
    setTimeout(() => finder.current?.focus(), 0);
  };

  const receive = async () => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const missing = missingOf(procedure.data!, form.getFieldsValue(true) as Values);
    if (missing.length > 0) {
      setError(t('dossiers.counter.missingRequired', { items: missing.join('; ') }));
      return;
    }
    send.mutate({ decision: 'receive' });
  };

  const openSlip = async (k: 'guidance' | 'refusal') => {
    setError(null);
    try {
      await form.validateFields(['name', 'idNumber', 'phone', 'address', ...(procedure.data?.level === 'commune' ? ['handlingAgencyId' as const] : [])]);
    } catch {
      return;
    }
    setSlipError(null);
    setSlipKind(k);
  };

  const p = procedure.data;
  // A commune's own desk receives mostly its own dossiers: its commune is proposed for a commune-level procedure.
  const ownCommune = COMMUNE_TYPES.has(user.agency.type) ? user.agency.id : undefined;
  const communeLevelId = p?.level === 'commune' ? p.id : undefined;
  useEffect(() => {
    if (communeLevelId && ownCommune && !form.getFieldValue('handlingAgencyId')) form.setFieldValue('handlingAgencyId', ownCommune);
  }, [communeLevelId, ownCommune, form]);
  // The procedure chosen, the cursor goes on to the applicant's name: the whole form is filled from the keyboard.
  const loadedId = p?.id;
  useEffect(() => {
    if (loadedId) setTimeout(() => (form.getFieldInstance('name') as { focus?: () => void } | undefined)?.focus?.(), 0);
  }, [loadedId, form]);
  const communeLevel = p?.level === 'commune';
  return (
    <>
      <PageHeader title={t('dossiers.counter.title')} description={t('dossiers.counter.description')} />
      {outcome ? (
        <Card>
          <Receipt outcome={outcome} onNext={restart} />
        </Card>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          size="middle"
          requiredMark={false}
          initialValues={{ applicantKind: 'person', channel: 1, deliveryMethod: 'counter', counter: savedCounter(), components: {} }}
          onValuesChange={(changedValues: Partial<Values>) => {
            // A file scanned and attached at the counter is the component digitized: ticked for the officer.
            for (const [id, cv] of Object.entries(changedValues.components ?? {})) {
              if (cv?.files?.[0]?.status === 'done') form.setFieldValue(['components', id, 'digitized'], true);
              if (cv?.files?.length || cv?.reuse) form.setFieldValue(['components', id, 'received'], true);
            }
          }}
          onFinish={() => void receive()}
        >
          <Card size="small" style={{ marginBottom: 12 }}>
            <ProcedureFinder
              ref={finder}
              selected={summary}
              onChange={(next) => {
                setSummary(next);
                setError(null);
                form.setFieldValue('components', {});
              }}
            />
            {p && <ProcedureFacts procedure={p} />}
            {!summary && (
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                <FileSearchOutlined aria-hidden /> {t('dossiers.counter.findHint')}
              </Typography.Paragraph>
            )}
          </Card>
          {summary && procedure.isError && <Alert type="error" showIcon title={t('common.loadFailed')} style={{ marginBottom: 12 }} />}
          {p && (
            <>
              <Row gutter={12}>
                <Col xs={24} lg={10}>
                  <Card size="small" title={t('dossiers.counter.applicant')} style={{ marginBottom: 12 }}>
                    <ApplicantFields kind={kind} />
                  </Card>
                </Col>
                <Col xs={24} lg={14}>
                  <Card
                    size="small"
                    title={t('dossiers.counter.components')}
                    extra={reusable.data && reusable.data.items.length > 0 ? <Tag color="green">{t('dossiers.counter.reusableCount', { count: reusable.data.items.length })}</Tag> : null}
                    style={{ marginBottom: 12 }}
                  >
                    <ComponentsChecklist procedure={p} reusable={reusable.data?.items ?? []} />
                  </Card>
                  <Card size="small" title={t('dossiers.counter.intake')} style={{ marginBottom: 12 }}>
                    {communeLevel && (
                      <Form.Item name="handlingAgencyId" label={t('dossiers.counter.commune')} rules={[{ required: true, message: t('dossiers.counter.communeRequired') }]}>
                        <Select
                          showSearch={{ filterOption: (input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input)) }}
                          loading={communes.loading}
                          options={communes.items.map((a) => ({ value: a.id, label: a.name }))}
                          placeholder={t('dossiers.counter.communePlaceholder')}
                        />
                      </Form.Item>
                    )}
                    <Flex gap={16} wrap>
                      <Form.Item name="channel" label={t('dossiers.counter.channel')} style={{ marginBottom: 0 }}>
                        <Radio.Group size="small" optionType="button" options={[1, 3].map((c) => ({ value: c, label: t(`dossiers.channel.${c as 1 | 3}`) }))} />
                      </Form.Item>
                      <Form.Item name="deliveryMethod" label={t('dossiers.counter.delivery')} style={{ marginBottom: 0 }}>
                        <Radio.Group size="small" optionType="button" options={(['counter', 'post'] as const).map((d) => ({ value: d, label: t(`dossiers.delivery.${d}`) }))} />
                      </Form.Item>
                      <Form.Item name="counter" label={t('dossiers.counter.counter')} style={{ marginBottom: 0 }}>
                        <Input size="small" maxLength={40} placeholder={t('dossiers.counter.counterPlaceholder')} style={{ width: 130 }} />
                      </Form.Item>
                    </Flex>
                  </Card>
                </Col>
              </Row>
              <div className="vps-sticky-actions">
                {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
                <Flex gap={8} wrap>
                  <Button type="primary" htmlType="submit" size="large" icon={<CheckOutlined aria-hidden />} loading={send.isPending && !slipKind} data-testid="receive">
                    {t('dossiers.counter.receive')}
                  </Button>
                  <Button size="large" onClick={() => void openSlip('guidance')}>
                    {t('dossiers.counter.guidance')}
                  </Button>
                  <Button size="large" danger icon={<CloseCircleOutlined aria-hidden />} onClick={() => void openSlip('refusal')}>
                    {t('dossiers.counter.refuse')}
                  </Button>
                  <Button size="large" type="text" onClick={restart} style={{ marginInlineStart: 'auto' }}>
                    {t('dossiers.counter.clear')}
                  </Button>
                </Flex>
              </div>
            </>
          )}
        </Form>
      )}
      {slipKind && p && (
        <SlipItemsModal
          kind={slipKind}
          initialItems={slipKind === 'guidance' ? missingOf(p, form.getFieldsValue(true) as Values) : []}
          pending={send.isPending}
          error={slipError}
          onCancel={() => setSlipKind(null)}
          onSubmit={(items) => {
            setError(null);
            setSlipError(null);
            send.mutate({ decision: slipKind, items });
          }}
        />
      )}
    </>
  );
}
