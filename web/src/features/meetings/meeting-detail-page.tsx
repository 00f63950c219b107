import { ArrowLeftOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Flex, Form, Input, Popconfirm, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, data } from '../../api/client';
import { PageLoading } from '../../app/page-loading';
import { FormModal } from '../../components/form-modal';
import { NotFoundPage } from '../../components/not-found-page';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t } from '../../i18n';
import { outgoingPath } from '../outgoing/outgoing-views';
import { MeetingAttendanceCard } from './meeting-attendance-card';
import { MeetingConclusionCard } from './meeting-conclusion-card';
import { KindTag, placeOf, StateTag, timeRange } from './meeting-display';
import { MeetingDocumentsCard } from './meeting-documents-card';
import { MeetingFormModal } from './meeting-form-modal';
import { MEETINGS_PATH } from './meeting-paths';
import { useMeeting, useMeetingChanged, type Meeting } from './meeting-queries';
import { MeetingSitesCard } from './meeting-sites-card';

function CancelModal({ meeting, onClose }: { meeting: Meeting; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const changed = useMeetingChanged();
  return (
    <FormModal
      title={t('meeting.cancel')}
      form={form}
      danger
      okText={t('meeting.cancel')}
      submit={(v) => data(api.POST('/api/meetings/{id}/cancel', { params: { path: { id: meeting.id } }, body: { reason: v.reason } }))}
      onDone={(m) => {
        changed(m);
        onClose();
      }}
      onCancel={onClose}
    >
      <Form.Item name="reason" label={t('meeting.cancelReason')} rules={[{ required: true, whitespace: true, message: t('meeting.cancelReasonRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} autoFocus />
      </Form.Item>
    </FormModal>
  );
}

function Actions({ meeting }: { meeting: Meeting }) {
  const { message } = App.useApp();
  const changed = useMeetingChanged();
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const onError = (e: Error) => void message.error(e instanceof ApiError ? (e.detail ?? e.message) : t('common.networkError'));
  const join = useMutation({
    mutationFn: () => data(api.GET('/api/meetings/{id}/join', { params: { path: { id: meeting.id } } })),
    onSuccess: (link) => window.open(link.url, '_blank', 'noopener'),
    onError,
  });
  const held = useMutation({ mutationFn: () => data(api.POST('/api/meetings/{id}/held', { params: { path: { id: meeting.id } } })), onSuccess: changed, onError });
  const invitation = useMutation({
    mutationFn: () => data(api.POST('/api/meetings/{id}/invitation', { params: { path: { id: meeting.id } }, body: {} })),
    onSuccess: () => void api.GET('/api/meetings/{id}', { params: { path: { id: meeting.id } } }).then((r) => r.data && changed(r.data)),
    onError,
  });
  const has = (a: Meeting['actions'][number]) => meeting.actions.includes(a);
  return (
    <>
      {has('join') && (
        <Button type="primary" icon={<VideoCameraOutlined aria-hidden />} title={t('meeting.joinHint')} loading={join.isPending} onClick={() => join.mutate()}>
          {t('meeting.join')}
        </Button>
      )}
      {has('invitation') && (
        <Button loading={invitation.isPending} onClick={() => invitation.mutate()}>
          {t('meeting.invitation.create')}
        </Button>
      )}
      {has('edit') && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      {has('mark_held') && (
        <Popconfirm title={t('meeting.markHeldConfirm')} okText={t('meeting.markHeld')} cancelText={t('common.cancel')} onConfirm={() => held.mutate()}>
          <Button loading={held.isPending}>{t('meeting.markHeld')}</Button>
        </Popconfirm>
      )}
      {has('cancel') && (
        <Button danger onClick={() => setCancelling(true)}>
          {t('meeting.cancel')}
        </Button>
      )}
      {editing && <MeetingFormModal meeting={meeting} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />}
      {cancelling && <CancelModal meeting={meeting} onClose={() => setCancelling(false)} />}
    </>
  );
}

/** A meeting: what, when, where, who; its sites, attendance, papers, invitation, conclusion and tasks. */
export function MeetingDetailPage() {
  const { id = '' } = useParams();
  const meeting = useMeeting(id);
  if (meeting.isPending) return <PageLoading />;
  if (meeting.isError) {
    const missing = meeting.error instanceof ApiError && (meeting.error.status === 404 || meeting.error.status === 400);
    return missing ? <NotFoundPage /> : <QueryError error={meeting.error} onRetry={() => void meeting.refetch()} />;
  }
  const m = meeting.data;
  return (
    <>
      <Link to={MEETINGS_PATH}>
        <ArrowLeftOutlined aria-hidden /> {t('meeting.back')}
      </Link>
      <PageHeader
        title={<span className="vps-wrap">{m.title}</span>}
        description={
          <Flex gap={8} wrap align="center" style={{ marginTop: 4 }}>
            <KindTag kind={m.kind} />
            <StateTag state={m.state} />
            <Typography.Text>{timeRange(m)}</Typography.Text>
          </Flex>
        }
        extra={<Actions meeting={m} />}
      />
      {m.state === 'cancelled' && m.cancelReason && (
        <Typography.Paragraph type="danger" strong>
          {t('meeting.cancelled', { reason: m.cancelReason })}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card title={t('meeting.info')}>
              <Descriptions column={1} size="small" styles={{ label: { width: 160 } }}>
                <Descriptions.Item label={t('meeting.time')}>{timeRange(m)}</Descriptions.Item>
                <Descriptions.Item label={t('meeting.where')}>{placeOf(m)}</Descriptions.Item>
                <Descriptions.Item label={t('meeting.chair')}>{m.chairName}</Descriptions.Item>
                <Descriptions.Item label={t('meeting.organizer')}>{m.organizerAgencyName}</Descriptions.Item>
                {m.createdByName && <Descriptions.Item label={t('meeting.createdBy')}>{m.createdByName}</Descriptions.Item>}
                {/* the invitation draft is the organizer's; invitees receive it once issued */}
                {(m.invitationDocumentId || m.actions.includes('invitation')) && (
                  <Descriptions.Item label={t('meeting.invitation')}>
                    {m.invitationDocumentId ? <Link to={outgoingPath(m.invitationDocumentId)}>{t('meeting.invitation.open')}</Link> : <Typography.Text type="secondary">{t('meeting.invitation.none')}</Typography.Text>}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {m.agenda.length > 0 && (
                <>
                  <Typography.Title level={5}>{t('meeting.agenda')}</Typography.Title>
                  <ol style={{ paddingInlineStart: 20, margin: 0 }}>
                    {m.agenda.map((a, i) => (
                      <li key={i}>
                        {a.title}
                        {a.presenter && <Typography.Text type="secondary"> – {a.presenter}</Typography.Text>}
                        {a.minutes && <Typography.Text type="secondary"> ({a.minutes}′)</Typography.Text>}
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </Card>
            {m.online && <MeetingSitesCard meeting={m} />}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <MeetingAttendanceCard meeting={m} />
            <MeetingDocumentsCard meeting={m} />
          </Flex>
        </Col>
        <Col span={24}>
          <MeetingConclusionCard meeting={m} />
        </Col>
      </Row>
    </>
  );
}
