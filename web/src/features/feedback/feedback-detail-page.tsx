import { ArrowLeftOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Form, Input, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FormModal } from '../../components/form-modal';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { t, type MessageKey } from '../../i18n';
import { errorMessage } from '../../lib/form-errors';
import { formatInstant } from '../../lib/format';
import { FEEDBACK_STATE_COLORS } from '../citizen/citizen-queries';
import { actionLabel, DueBadge, stateLabel } from './feedback-list-page';
import { runFeedbackAction, useFeedback, useFeedbackChanged, type FeedbackActionResult, type FeedbackDeskAction, type FeedbackDetail } from './feedback-queries';

/** The text each action asks for: the reason, what more is needed, the answer. Publishing asks nothing. */
const TEXT_FIELD: Record<Exclude<FeedbackDeskAction, 'publish'>, MessageKey> = { refuse: 'citizen.desk.reason', request_info: 'citizen.desk.request', resolve: 'citizen.desk.answer' };

function Deadlines({ f }: { f: FeedbackDetail }) {
  return (
    <Table
      size="small"
      rowKey="action"
      pagination={false}
      dataSource={f.deadlines}
      columns={[
        { title: t('citizen.desk.deadlines'), dataIndex: 'action', render: (a: string) => actionLabel(a) },
        { title: t('citizen.desk.dueAt'), dataIndex: 'dueAt', render: (v: string | null) => formatInstant(v) },
        { title: t('citizen.desk.doneAt'), dataIndex: 'doneAt', render: (v: string | null) => (v ? formatInstant(v) : t('citizen.desk.notYet')) },
        { title: '', dataIndex: 'onTime', render: (v: boolean | null) => (v === null ? null : <Tag color={v ? 'green' : 'red'}>{t(v ? 'citizen.desk.onTime' : 'citizen.desk.late')}</Tag>) },
      ]}
    />
  );
}

function ActionModal({ id, action, onDone, onCancel }: { id: string; action: Exclude<FeedbackDeskAction, 'publish'>; onDone: (r: FeedbackActionResult) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ text: string }>();
  const field = action === 'refuse' ? 'reason' : action === 'request_info' ? 'request' : 'answer';
  return (
    <FormModal title={actionLabel(action)} okText={actionLabel(action)} danger={action === 'refuse'} form={form} submit={(v) => runFeedbackAction(id, action, v.text)} onDone={onDone} onCancel={onCancel} aliases={{ [field]: 'text' }} width={640}>
      <Form.Item name="text" label={t(TEXT_FIELD[action])} rules={[{ required: true, whitespace: true, message: t('citizen.submit.required') }]}>
        <Input.TextArea rows={action === 'resolve' ? 8 : 4} maxLength={action === 'resolve' ? 10000 : 5000} showCount autoFocus />
      </Form.Item>
    </FormModal>
  );
}

/** One feedback: what was sent, by whom, the deadlines of each step, and the actions the officer may take. */
export function FeedbackDetailPage() {
  const { id = '' } = useParams();
  const feedback = useFeedback(id);
  const changed = useFeedbackChanged();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState<Exclude<FeedbackDeskAction, 'publish'> | null>(null);
  const done = (r: FeedbackActionResult) => {
    changed(r);
    setOpen(null);
    void message[r.onTime ? 'success' : 'warning'](t(r.onTime ? 'citizen.desk.doneOnTime' : 'citizen.desk.doneLate', { at: formatInstant(r.dueAt) }));
  };
  const publish = () =>
    modal.confirm({
      title: actionLabel('publish'),
      content: t('citizen.desk.publishConfirm'),
      okText: actionLabel('publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        runFeedbackAction(id, 'publish', '').then(done, (e: unknown) => {
          void message.error(errorMessage(e));
        }),
    });
  const f = feedback.data;
  return (
    <>
      <Link to="/phan-anh-kien-nghi">
        <ArrowLeftOutlined aria-hidden /> {t('citizen.desk.back')}
      </Link>
      {feedback.isError && <QueryError error={feedback.error} onRetry={() => void feedback.refetch()} />}
      {!f ? (
        !feedback.isError && <Skeleton active />
      ) : (
        <>
          <PageHeader
            title={f.title}
            description={
              <>
                {f.code} · <Tag color={FEEDBACK_STATE_COLORS[f.state]}>{stateLabel(f.state)}</Tag> <DueBadge pending={f.pending} />
              </>
            }
            extra={f.actions.map((a) =>
              a === 'publish' ? (
                <Button key={a} type="primary" onClick={publish}>
                  {actionLabel(a)}
                </Button>
              ) : (
                <Button key={a} type={a === 'resolve' ? 'primary' : 'default'} danger={a === 'refuse'} onClick={() => setOpen(a)}>
                  {actionLabel(a)}
                </Button>
              ),
            )}
          />
          <Flex vertical gap={16}>
            <Card>
              <Descriptions
                column={{ xs: 1, md: 2 }}
                size="small"
                items={[
                  { key: 'kind', label: t('citizen.desk.kind'), children: t(`citizen.feedback.kind.${f.kind}` as MessageKey) },
                  { key: 'agency', label: t('citizen.desk.agency'), children: f.agencyName ?? t('citizen.desk.center') },
                  { key: 'sender', label: t('citizen.desk.sender'), children: f.senderName },
                  { key: 'contact', label: t('citizen.desk.senderContact'), children: [f.senderPhone, f.senderEmail, f.senderAddress].filter(Boolean).join(' · ') },
                  { key: 'submitted', label: t('citizen.desk.submittedAt'), children: formatInstant(f.submittedAt) },
                  ...(f.dossierCode ? [{ key: 'dossier', label: t('citizen.desk.dossier'), children: f.dossierCode }] : []),
                  ...(f.procedureName ? [{ key: 'procedure', label: t('citizen.desk.procedure'), children: f.procedureName }] : []),
                  ...(f.handledByName ? [{ key: 'handler', label: t('citizen.desk.handledBy'), children: f.handledByName }] : []),
                  ...(f.satisfied !== null ? [{ key: 'satisfied', label: t('citizen.desk.satisfied'), children: t(f.satisfied ? 'citizen.rating.like' : 'citizen.rating.dislike') }] : []),
                  { key: 'content', label: t('citizen.desk.content'), span: 'filled' as const, children: <Typography.Paragraph className="vps-wrap" style={{ margin: 0 }}>{f.content}</Typography.Paragraph> },
                  ...(f.response ? [{ key: 'response', label: t('citizen.desk.response'), span: 'filled' as const, children: <Typography.Paragraph className="vps-wrap" style={{ margin: 0 }}>{f.response}</Typography.Paragraph> }] : []),
                ]}
              />
            </Card>
            <Card title={t('citizen.desk.deadlines')}>
              <Deadlines f={f} />
            </Card>
          </Flex>
          {open && <ActionModal id={f.id} action={open} onDone={done} onCancel={() => setOpen(null)} />}
        </>
      )}
    </>
  );
}
