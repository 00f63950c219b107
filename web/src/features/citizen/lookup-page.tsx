import { Alert, Button, Card, Descriptions, Form, Input, Result, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { t, type MessageKey } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatInstant, formatNumber } from '../../lib/format';
import { useDossierLookup, type DossierLookup, type TimelineEntry } from './citizen-queries';
import { RatingForm } from './rating-form';

/** Colour of the national status: waiting on the citizen orange, finished green, refused or stopped red. */
const STATUS_COLORS: Record<number, string> = { 1: 'default', 2: 'blue', 3: 'red', 4: 'blue', 5: 'orange', 6: 'orange', 7: 'default', 8: 'red', 9: 'green', 10: 'green' };

function timelineText(e: TimelineEntry): string {
  if (e.kind === 'processing' && e.agencyName) return t('citizen.timeline.processingAt', { agency: e.agencyName });
  const base = t(`citizen.timeline.${e.kind}` as MessageKey);
  return e.kind === 'received' && e.agencyName ? `${base} — ${e.agencyName}` : base;
}

function DossierTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Timeline
      items={entries.map((e) => ({
        color: e.kind === 'supplement_requested' || e.kind === 'extended' ? 'orange' : e.kind === 'refused' || e.kind === 'stopped' ? 'red' : e.kind === 'returned' || e.kind === 'processed' ? 'green' : 'blue',
        content: (
          <>
            <Typography.Text strong>{timelineText(e)}</Typography.Text>
            <div>
              <Typography.Text type="secondary">{formatInstant(e.at)}</Typography.Text>
            </div>
            {e.items.length > 0 && (
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {e.items.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            )}
            {e.newAppointmentAt && <div>{t('citizen.timeline.newAppointment', { at: formatInstant(e.newAppointmentAt) })}</div>}
          </>
        ),
      }))}
    />
  );
}

function DossierCard({ d }: { d: DossierLookup }) {
  const items = [
    { key: 'status', label: t('citizen.lookup.status'), children: <Tag color={STATUS_COLORS[d.status]}>{d.statusLabel}</Tag> },
    { key: 'code', label: t('citizen.lookup.code'), children: d.code ?? t('citizen.lookup.noCodeYet') },
    ...(d.code ? [] : [{ key: 'ref', label: t('citizen.lookup.reference'), children: <Typography.Text copyable>{d.reference}</Typography.Text> }]),
    { key: 'procedure', label: t('citizen.lookup.procedure'), children: d.procedure.name },
    { key: 'applicant', label: t('citizen.lookup.applicant'), children: d.applicantName },
    { key: 'handling', label: t('citizen.lookup.handlingAgency'), children: d.handlingAgencyName ?? '' },
    { key: 'submitted', label: t('citizen.lookup.submittedAt'), children: formatInstant(d.submittedAt) },
    ...(d.receivedAt ? [{ key: 'received', label: t('citizen.lookup.receivedAt'), children: `${formatInstant(d.receivedAt)}${d.receivingAgencyName ? ` — ${d.receivingAgencyName}` : ''}` }] : []),
    ...(d.appointmentAt
      ? [{ key: 'appointment', label: t('citizen.lookup.appointmentAt'), children: `${formatInstant(d.appointmentAt)}${d.originalAppointmentAt ? ` (${t('citizen.lookup.originalAppointment', { at: formatInstant(d.originalAppointmentAt) })})` : ''}` }]
      : []),
    ...(d.processedAt ? [{ key: 'processed', label: t('citizen.lookup.processedAt'), children: formatInstant(d.processedAt) }] : []),
    ...(d.returnedAt ? [{ key: 'returned', label: t('citizen.lookup.returnedAt'), children: formatInstant(d.returnedAt) }] : []),
    ...(d.feesDue > 0 ? [{ key: 'fees', label: t('citizen.lookup.fees'), children: t('citizen.lookup.feesValue', { paid: formatNumber(d.feesPaid), due: formatNumber(d.feesDue) }) }] : []),
    ...(d.closingReason ? [{ key: 'reason', label: t('citizen.lookup.closingReason'), children: d.closingReason }] : []),
  ];
  return (
    <Card style={{ marginTop: 16 }}>
      <Descriptions column={1} size="small" items={items} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('citizen.lookup.timeline')}
      </Typography.Title>
      <DossierTimeline entries={d.timeline} />
    </Card>
  );
}

/** Track a dossier by its code and the applicant's phone or ID number; `?ma=` comes prefilled from the receipt's QR code. */
export function LookupPage({ tenantCode }: { tenantCode: string }) {
  const [params] = useSearchParams();
  const [form] = Form.useForm<{ code: string; contact: string }>();
  const [query, setQuery] = useState<{ code: string; contact: string } | null>(null);
  const lookup = useDossierLookup(tenantCode, query);
  const notFound = lookup.error instanceof ApiError && lookup.error.status === 404;
  const d = lookup.data;
  return (
    <>
      <Card>
        <Typography.Paragraph type="secondary">{t('citizen.lookup.help')}</Typography.Paragraph>
        <Form form={form} layout="vertical" initialValues={{ code: params.get('ma') ?? '' }} onFinish={(v) => setQuery({ code: v.code.trim(), contact: v.contact.trim() })}>
          <Form.Item name="code" label={t('citizen.lookup.code')} rules={[{ required: true, whitespace: true, message: t('citizen.lookup.codeRequired') }]}>
            <Input autoComplete="off" inputMode="text" />
          </Form.Item>
          <Form.Item name="contact" label={t('citizen.lookup.contact')} rules={[{ required: true, whitespace: true, min: 6, message: t('citizen.lookup.contactRequired') }]}>
            <Input autoComplete="tel" inputMode="tel" autoFocus={Boolean(params.get('ma'))} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={lookup.isFetching}>
            {t('citizen.lookup.submit')}
          </Button>
        </Form>
      </Card>
      {notFound && <Result status="warning" title={t('citizen.lookup.notFound')} />}
      {lookup.isError && !notFound && <Alert type="error" showIcon role="alert" title={errorMessage(lookup.error)} style={{ marginTop: 16 }} />}
      {d && query && <DossierCard d={d} />}
      {d && query && d.canRate && <RatingForm tenantCode={tenantCode} code={query.code} contact={query.contact} onDone={() => void lookup.refetch()} />}
      {d?.rating && <Alert type="success" showIcon title={t('citizen.lookup.rated', { at: formatInstant(d.rating.ratedAt) })} style={{ marginTop: 16 }} />}
    </>
  );
}
