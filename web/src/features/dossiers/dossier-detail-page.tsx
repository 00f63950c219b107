import { ArrowLeftOutlined, DownOutlined, PrinterOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Dropdown, Empty, Flex, Popconfirm, Row, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageLoading } from '../../app/page-loading';
import { NotFoundPage } from '../../components/not-found-page';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t, tMaybe } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatInstant, formatNumber } from '../../lib/format';
import { useCan, useCurrentUser } from '../../app/session';
import { DossierActionModal, type DialogAction } from './dossier-action-modal';
import { channelLabel, DossierStatusTag, dueOf, formatAppointment, isOpen, OutcomeTag, RemainingText } from './dossier-display';
import { DOSSIERS_PATH, dossierFormUrl, openPdf, type DossierForm } from './dossier-paths';
import { dossierCalls, useDossier, useDossierChanged, useDossierPayments } from './dossier-queries';

type Button2 = DossierAction | 'accept' | 'refuse';
import type { ControlSlipRow, Dossier, DossierAction } from './dossier-types';
import { RefuseOnlineModal } from './refuse-online-modal';

// The order buttons take in the header: the step forward first, the ways out last.
const ACTION_ORDER: Button2[] = ['accept', 'take', 'advance', 'return_result', 'assign', 'request_supplement', 'complete_supplement', 'extend', 'refuse', 'withdraw', 'stop'];
const PRIMARY = new Set<Button2>(['accept', 'take', 'advance', 'return_result', 'complete_supplement']);
const DANGER = new Set<Button2>(['refuse', 'stop', 'withdraw']);

/** The forms a dossier can print, each when it applies. */
function formsOf(d: Dossier): DossierForm[] {
  const forms: DossierForm[] = [];
  if (d.code) forms.push('receipt', 'control');
  if (d.supplements.length > 0) forms.push('supplement');
  if (d.status === 3) forms.push('refusal');
  if (d.extensions.length > 0) forms.push('extension');
  if (d.status === 8) forms.push('stop');
  return forms;
}

function PrintMenu({ dossier }: { dossier: Dossier }) {
  const forms = formsOf(dossier);
  if (forms.length === 0) return null;
  return (
    <Dropdown menu={{ items: forms.map((f) => ({ key: f, label: t(`dossiers.print.${f}`) })), onClick: ({ key }) => openPdf(dossierFormUrl(dossier.id, key as DossierForm)) }} trigger={['click']}>
      <Button icon={<PrinterOutlined aria-hidden />} data-testid="dossier-print">
        {t('dossiers.print')} <DownOutlined aria-hidden />
      </Button>
    </Dropdown>
  );
}

function Actions({ dossier }: { dossier: Dossier }) {
  const { message } = App.useApp();
  const can = useCan();
  const me = useCurrentUser();
  const changed = useDossierChanged();
  const [dialog, setDialog] = useState<DialogAction | null>(null);
  const [refusing, setRefusing] = useState(false);
  const accept = useMutation({
    mutationFn: () => dossierCalls.accept(dossier.id, { version: dossier.version }),
    onSuccess: (next) => {
      changed(next, dossier.id);
      message.success(t('dossiers.done.accept'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  // Taking an unassigned step is naming oneself its holder.
  const take = useMutation({
    mutationFn: () => dossierCalls.assign(dossier.id, { assigneeId: me.id, version: dossier.version }),
    onSuccess: (next) => {
      changed(next, dossier.id);
      message.success(t('dossiers.done.take'));
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  // An online dossier waiting at the desk is accepted or refused there; the rest is what the server lists.
  const online: Button2[] = dossier.status === 1 && can('dossier.receive') ? ['accept', 'refuse'] : [];
  const actions = ACTION_ORDER.filter((a) => online.includes(a) || (dossier.actions as Button2[]).includes(a));
  return (
    <>
      {actions.map((a) =>
        a === 'accept' ? (
          <Popconfirm key={a} title={t('dossiers.online.acceptConfirm')} okText={t('dossiers.action.accept')} cancelText={t('common.cancel')} onConfirm={() => accept.mutate()}>
            <Button type="primary" loading={accept.isPending}>
              {t('dossiers.action.accept')}
            </Button>
          </Popconfirm>
        ) : a === 'take' ? (
          <Button key={a} type="primary" loading={take.isPending} onClick={() => take.mutate()} data-testid="dossier-action-take">
            {t('dossiers.action.take')}
          </Button>
        ) : (
          <Button key={a} type={PRIMARY.has(a) ? 'primary' : 'default'} danger={DANGER.has(a)} onClick={() => (a === 'refuse' ? setRefusing(true) : setDialog(a))} data-testid={`dossier-action-${a}`}>
            {t(`dossiers.action.${a}`)}
          </Button>
        ),
      )}
      <PrintMenu dossier={dossier} />
      {dialog && <DossierActionModal dossier={dossier} action={dialog} onClose={() => setDialog(null)} />}
      {refusing && <RefuseOnlineModal dossier={dossier} onClose={() => setRefusing(false)} />}
    </>
  );
}

function Facts({ d }: { d: Dossier }) {
  const a = d.applicant;
  const person = a.kind === 'person';
  return (
    <Descriptions column={{ xs: 1, md: 2 }} bordered size="small">
      <Descriptions.Item label={t('dossiers.detail.procedure')} span="filled">
        <span className="vps-wrap">
          {d.procedureName} <Typography.Text type="secondary">({d.procedureCode})</Typography.Text>
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t(person ? 'dossiers.applicant.name' : 'dossiers.applicant.orgName')}>
        <strong>{a.name}</strong>
        {a.representative && <Typography.Text type="secondary"> — {a.representative}</Typography.Text>}
        {a.verified && (
          <Tag color="green" style={{ marginInlineStart: 8 }}>
            {t('dossiers.detail.verified')}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t(person ? 'dossiers.applicant.idNumber' : 'dossiers.applicant.taxCode')}><span style={{ whiteSpace: 'nowrap' }}>{a.idNumber}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('dossiers.applicant.phone')}>
        <span style={{ whiteSpace: 'nowrap' }}>{a.phone}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('dossiers.applicant.email')}>{a.email || t('common.none')}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.applicant.address')} span="filled">
        <span className="vps-wrap">{a.address}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('dossiers.counter.channel')}>{channelLabel(d.channel)}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.counter.delivery')}>{t(`dossiers.delivery.${d.deliveryMethod}`)}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.detail.submittedAt')}>{formatAppointment(d.submittedAt)}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.detail.receivedAt')}>
        {d.receivedAt ? formatAppointment(d.receivedAt) : t('common.none')}
        {d.receivedBy && <Typography.Text type="secondary"> — {d.receivedBy.name}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('dossiers.detail.receivedWhere')}>{[d.receivingAgencyName, d.counter].filter(Boolean).join(' · ') || t('common.none')}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.detail.handlingAgency')}>{d.handlingAgencyName}</Descriptions.Item>
      <Descriptions.Item label={t('dossiers.detail.current')} span="filled">
        {d.currentStepName && isOpen(d) ? (
          <>
            {d.currentStepName}
            <Typography.Text type="secondary"> — {[d.currentAssigneeName ?? t('dossiers.detail.unassigned'), d.currentAgencyName].filter(Boolean).join(' · ')}</Typography.Text>
            {d.currentStepDueAt && (
              <Typography.Text type={d.stepOverdue ? 'danger' : 'secondary'} style={{ marginInlineStart: 8, fontSize: 13 }}>
                {t('dossiers.detail.stepDue', { at: formatAppointment(d.currentStepDueAt) })}
              </Typography.Text>
            )}
          </>
        ) : (
          t('common.none')
        )}
      </Descriptions.Item>
      {d.closingReason && (
        <Descriptions.Item label={t('dossiers.detail.closingReason')} span="filled">
          <span className="vps-wrap">{d.closingReason}</span>
        </Descriptions.Item>
      )}
      {d.result.summary && (
        <Descriptions.Item label={t('dossiers.detail.result')} span="filled">
          <span className="vps-wrap">{d.result.summary}</span>{' '}
          {d.result.fileId && (
            <a href={`/api/files/${d.result.fileId}/content`} target="_blank" rel="noreferrer" style={{ marginInlineEnd: 8 }}>
              {t('dossiers.detail.openFile')}
            </a>
          )}
          {d.result.electronic && <Tag color="blue">{t('dossiers.detail.electronic')}</Tag>}
          {d.result.digitized && <Tag color="green">{t('dossiers.detail.digitized')}</Tag>}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Components({ d }: { d: Dossier }) {
  return (
    <Table<Dossier['components'][number]>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={d.components}
      locale={{ emptyText: <Empty description={t('dossiers.detail.noComponents')} /> }}
      columns={[
        { title: '#', key: 'n', width: 40, render: (_, c) => c.position },
        { title: t('dossiers.counter.component'), dataIndex: 'name', render: (name: string) => <span className="vps-wrap">{name}</span> },
        { title: t('dossiers.detail.form'), key: 'form', width: 150, responsive: ['md'], render: (_, c) => `${tMaybe(`dossiers.componentForm.${c.form}`) ?? c.form} · ${c.copies}` },
        {
          title: t('dossiers.counter.file'),
          key: 'file',
          width: 200,
          render: (_, c) => (
            <Flex gap={4} wrap>
              {c.fileId && (
                <a href={`/api/files/${c.fileId}/content`} target="_blank" rel="noreferrer">
                  {t('dossiers.detail.openFile')}
                </a>
              )}
              {c.digitized && <Tag color="green">{t('dossiers.detail.digitized')}</Tag>}
              {c.reusedFromDossierId && <Tag color="cyan">{t('dossiers.detail.reused')}</Tag>}
              {c.fromCitizenStore && <Tag color="cyan">{t('dossiers.detail.fromCitizenStore')}</Tag>}
            </Flex>
          ),
        },
      ]}
    />
  );
}

/** The control slip: each hand-off, who gave it to whom and when, the step's due time, and how the step it ended finished. */
function ControlSlip({ d }: { d: Dossier }) {
  return (
    <Table<ControlSlipRow>
      rowKey="seq"
      size="small"
      pagination={false}
      data-testid="control-slip"
      dataSource={d.controlSlip}
      locale={{ emptyText: <Empty description={t('dossiers.detail.noHandoffs')} /> }}
      columns={[
        {
          title: t('dossiers.slipRow.step'),
          key: 'step',
          render: (_, r) => (
            <div className="vps-wrap">
              <div style={{ fontWeight: 500 }}>{r.stepName ?? t('common.none')}</div>
              {r.agencyName && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.agencyName}
                </Typography.Text>
              )}
            </div>
          ),
        },
        {
          title: t('dossiers.slipRow.handoff'),
          key: 'who',
          render: (_, r) => (
            <span className="vps-wrap">
              {r.giverName} → {r.receiverName ?? t('dossiers.slipRow.agencyQueue')}
            </span>
          ),
        },
        { title: t('dossiers.slipRow.at'), key: 'at', width: 125, render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatAppointment(r.givenAt)}</span> },
        { title: t('dossiers.slipRow.due'), key: 'due', width: 125, responsive: ['md'], render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatAppointment(r.dueAt)}</span> },
        {
          title: t('dossiers.slipRow.outcome'),
          key: 'outcome',
          width: 150,
          render: (_, r) =>
            r.outcome ? (
              <Flex vertical gap={2} align="flex-start">
                <OutcomeTag outcome={r.outcome} />
                {r.finishedStepName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} className="vps-wrap">
                    {r.finishedStepName}
                  </Typography.Text>
                )}
              </Flex>
            ) : null,
        },
      ]}
      expandable={{ rowExpandable: (r) => Boolean(r.note), expandedRowRender: (r) => <span className="vps-wrap">{r.note}</span> }}
    />
  );
}

function Supplements({ d }: { d: Dossier }) {
  return (
    <Flex vertical gap={12}>
      {d.supplements.map((s, i) => (
        <div key={s.id}>
          <Flex gap={8} wrap align="center">
            <strong>{t('dossiers.detail.supplementN', { n: i + 1 })}</strong>
            <Typography.Text type="secondary">
              {formatAppointment(s.requestedAt)}
              {s.requestedByName && ` · ${s.requestedByName}`}
            </Typography.Text>
            {s.completedAt ? <Tag color="green">{t('dossiers.detail.supplementDone', { at: formatAppointment(s.completedAt) })}</Tag> : <Tag color="orange">{t('dossiers.detail.supplementWaiting')}</Tag>}
          </Flex>
          <div className="vps-wrap">{s.reason}</div>
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {s.items.map((item, k) => (
              <li key={k} className="vps-wrap">
                {item}
              </li>
            ))}
          </ul>
          {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
        </div>
      ))}
    </Flex>
  );
}

function Extensions({ d }: { d: Dossier }) {
  return (
    <Flex vertical gap={12}>
      {d.extensions.map((e) => (
        <div key={e.id}>
          <div>
            {t('dossiers.detail.extensionLine', { from: formatAppointment(e.previousAppointmentAt), to: formatAppointment(e.newAppointmentAt) })}
            <Typography.Text type="secondary">
              {' '}
              · {formatAppointment(e.issuedAt)}
              {e.issuedByName && ` · ${e.issuedByName}`}
            </Typography.Text>
          </div>
          <div className="vps-wrap">{e.reason}</div>
          {e.faultAgency && <Typography.Text type="secondary">{t('dossiers.detail.faultAgency', { name: e.faultAgency.name })}</Typography.Text>}
        </div>
      ))}
    </Flex>
  );
}

const PAYMENT_COLOR: Record<string, string> = { pending: 'orange', paid: 'green', failed: 'red', cancelled: 'default' };

function Payments({ d }: { d: Dossier }) {
  const can = useCan();
  const [recording, setRecording] = useState(false);
  // S's list when it answers (it follows online payments too); else what the detail itself carries.
  const fees = useDossierPayments(d.id);
  const items: Dossier['payments'] = fees.data?.payments ?? d.payments;
  const due = fees.data?.feesDue ?? d.fees.due;
  const paid = fees.data?.feesPaid ?? d.fees.paid;
  return (
    <>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <span data-testid="dossier-fees">{due > 0 || paid > 0 ? t('dossiers.payment.summary', { due: formatNumber(due), paid: formatNumber(paid) }) : t('dossiers.payment.free')}</span>
        {/* cash is taken at the desk while something is still due */}
        {can('dossier.receive') && d.code && due > paid && (
          <Button size="small" onClick={() => setRecording(true)}>
            {t('dossiers.action.record_payment')}
          </Button>
        )}
      </Flex>
      {items.length === 0 && <Typography.Text type="secondary">{t('dossiers.payment.none')}</Typography.Text>}
      {items.map((p) => (
        <Flex key={p.id} gap={8} wrap align="center" style={{ width: '100%', padding: '6px 0', borderTop: '1px solid #f0f0f0' }}>
          <span className="vps-wrap" style={{ flex: 1 }}>
            {p.name}
          </span>
          <strong style={{ whiteSpace: 'nowrap' }}>{formatNumber(p.amount)} đ</strong>
          <Tag>{tMaybe(`dossiers.payment.channel.${p.channel}`) ?? p.channel}</Tag>
          <Tag color={PAYMENT_COLOR[p.state] ?? 'default'}>{tMaybe(`dossiers.payment.state.${p.state}`) ?? p.state}</Tag>
          {p.paidAt && <Typography.Text type="secondary">{formatInstant(p.paidAt)}</Typography.Text>}
        </Flex>
      ))}
      {recording && <DossierActionModal dossier={d} action="record_payment" outstanding={due - paid} onClose={() => setRecording(false)} />}
    </>
  );
}

function Events({ d }: { d: Dossier }) {
  return (
    <Timeline
      data-testid="dossier-timeline"
      items={d.events.map((e) => ({
        key: e.seq,
        content: (
          <>
            <Typography.Text strong>{tMaybe(`dossiers.event.${e.kind}`) ?? e.kind}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, whiteSpace: 'nowrap' }}>
              {formatInstant(e.at)}
            </Typography.Text>
            <div>
              {e.actorName}
              {e.assigneeName && ` → ${e.assigneeName}`}
              {e.outcome && (
                <span style={{ marginInlineStart: 8 }}>
                  <OutcomeTag outcome={e.outcome} />
                </span>
              )}
            </div>
            {e.stepName && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[e.stepName, e.agencyName].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
            {e.note && (
              <Typography.Paragraph type="secondary" className="vps-wrap" style={{ margin: 0 }}>
                {e.note}
              </Typography.Paragraph>
            )}
          </>
        ),
      }))}
    />
  );
}

function Header({ d }: { d: Dossier }) {
  const due = dueOf(d);
  return (
    <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }} data-testid="dossier-header">
      <div>
        <Typography.Text type="secondary">{t('dossiers.col.appointment')}: </Typography.Text>
        <strong data-testid="dossier-appointment">{formatAppointment(d.appointmentAt) || t('common.none')}</strong>
        {d.originalAppointmentAt && d.originalAppointmentAt !== d.appointmentAt && (
          <Typography.Text type="secondary" delete style={{ marginInlineStart: 8 }}>
            {formatAppointment(d.originalAppointmentAt)}
          </Typography.Text>
        )}
      </div>
      {isOpen(d) && <RemainingText remainingWorkingHours={d.remainingWorkingHours} paused={Boolean(d.pausedSince)} />}
      {due === 'overdue' && <Tag color="red" variant="solid">{t('dossiers.due.overdue')}</Tag>}
      {d.needsApology && <Tag color="gold">{t('dossiers.due.needsApology')}</Tag>}
      {due === 'due_today' && <Tag color="orange">{t('dossiers.due.due_today')}</Tag>}
      {d.outcome && !isOpen(d) && <OutcomeTag outcome={d.outcome} />}
      {d.supplementCount > 1 && <Tag color="red">{t('dossiers.detail.manySupplements')}</Tag>}
      {d.warnings?.map((w) => (
        <Typography.Text key={w} type="warning">
          {w}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/** A dossier: its facts, components, the control slip, supplements, extensions, payments, history, and what the person may do. */
export function DossierDetailPage() {
  const { id = '' } = useParams();
  const dossier = useDossier(id);
  if (dossier.isPending) return <PageLoading />;
  if (dossier.isError) {
    const missing = dossier.error instanceof ApiError && (dossier.error.status === 404 || dossier.error.status === 400);
    return missing ? <NotFoundPage /> : <QueryError error={dossier.error} onRetry={() => void dossier.refetch()} />;
  }
  const d = dossier.data;
  return (
    <>
      <Link to={DOSSIERS_PATH}>
        <ArrowLeftOutlined aria-hidden /> {t('dossiers.back')}
      </Link>
      <PageHeader
        title={
          <Flex gap={8} wrap align="center">
            <span data-testid="dossier-code">{d.code ?? t('dossiers.noCode')}</span>
            <DossierStatusTag status={d.status} />
            <Tag>{tMaybe(`dossiers.formVersion.${d.formVersion}`) ?? d.formVersion}</Tag>
          </Flex>
        }
        description={d.procedureName}
        extra={<Actions dossier={d} />}
      />
      <Header d={d} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card title={t('dossiers.detail.facts')} size="small">
              <Facts d={d} />
            </Card>
            {d.supplements.length > 0 && (
              <Card title={t('dossiers.detail.supplements')} size="small">
                <Supplements d={d} />
              </Card>
            )}
            {d.extensions.length > 0 && (
              <Card title={t('dossiers.detail.extensions')} size="small">
                <Extensions d={d} />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card title={t('dossiers.detail.payments')} size="small">
              <Payments d={d} />
            </Card>
            <Card title={t('dossiers.detail.history')} size="small">
              <Events d={d} />
            </Card>
          </Flex>
        </Col>
        {/* The control slip and the components take the whole width: their columns need it. */}
        {d.code && (
          <Col span={24}>
            <Card title={t('dossiers.detail.controlSlip')} size="small">
              <ControlSlip d={d} />
            </Card>
          </Col>
        )}
        <Col span={24}>
          <Card title={t('dossiers.detail.components')} size="small">
            <Components d={d} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
